import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '#server/common/domain-error.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';

/** Sign-in attempts one username may make in the window before it is locked. */
export const MAX_ATTEMPTS_PER_USERNAME = 5;
const WINDOW_SECONDS = 15 * 60;
const LOCK_SECONDS = 15 * 60;
/** Failures from one address in the window before its sign-ins are slowed down (never locked). */
const FREE_FAILURES_PER_ADDRESS = 20;
const DELAY_STEP_MS = 250;
const MAX_DELAY_MS = 5_000;

/**
 * The one sign-in throttle, its state in PostgreSQL (several processes share it):
 * - per username, hard: every attempt is counted atomically BEFORE the password is checked, so
 *   concurrent guesses cannot pass the limit; past it the username is locked for 15 minutes (429);
 *   a successful sign-in starts the count afresh.
 * - per address, soft: failures slow further sign-ins from that address down (a growing delay of at
 *   most 5 s), but never refuse them: a call centre's floor shares one address.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly attempts: LoginAttemptRepository) {}

  /** Counts the attempt; throws 429 THROTTLED when the username is locked, else waits the address's delay. */
  async admit(username: string, ip: string): Promise<void> {
    const mine = await this.attempts.bump(userKey(username), WINDOW_SECONDS, MAX_ATTEMPTS_PER_USERNAME, LOCK_SECONDS);
    if (mine.lockedForSeconds > 0) throw throttled(mine.lockedForSeconds);
    const failures = await this.attempts.count(addressKey(ip), WINDOW_SECONDS);
    const delay = addressDelayMs(failures);
    if (delay > 0) await sleep(delay);
  }

  async failed(ip: string): Promise<void> {
    await this.attempts.bump(addressKey(ip), WINDOW_SECONDS, 0, 0);
  }

  async succeeded(username: string): Promise<void> {
    await this.attempts.clear(userKey(username));
    if (Math.random() < 0.02) await this.attempts.prune(24 * 3600);
  }
}

/** How long a sign-in from an address with this many recent failures waits before its password is checked. */
export function addressDelayMs(failures: number): number {
  return Math.min(MAX_DELAY_MS, Math.max(0, failures - FREE_FAILURES_PER_ADDRESS) * DELAY_STEP_MS);
}

const userKey = (username: string) => `u:${username.toLowerCase()}`;
const addressKey = (ip: string) => `a:${ip}`;

const throttled = (seconds: number) =>
  new DomainError('THROTTLED', `Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minutes`, undefined, {
    params: { retryAfterSeconds: seconds },
    headers: { 'Retry-After': String(seconds) },
  });

/**
 * Counts failed sign-ins per (username, address) and per address in memory: one server process
 * serves the centre. After too many failures in the window, sign-in answers 429 until the lock ends.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { times: number[]; lockedUntil: number }>();

  constructor(
    private readonly maxPerUser = 5,
    private readonly maxPerAddress = 30,
    private readonly windowMs = 15 * 60_000,
    private readonly lockMs = 15 * 60_000,
  ) {}

  private keys(username: string, ip: string): [string, number][] {
    return [
      [`u:${username.toLowerCase()}|${ip}`, this.maxPerUser],
      [`a:${ip}`, this.maxPerAddress],
    ];
  }

  /** Seconds until sign-in is allowed again, or 0. */
  retryAfter(username: string, ip: string, now = Date.now()): number {
    let wait = 0;
    for (const [key] of this.keys(username, ip)) {
      const entry = this.failures.get(key);
      if (entry && entry.lockedUntil > now) wait = Math.max(wait, Math.ceil((entry.lockedUntil - now) / 1000));
    }
    return wait;
  }

  fail(username: string, ip: string, now = Date.now()): void {
    for (const [key, max] of this.keys(username, ip)) {
      const entry = this.failures.get(key) ?? { times: [], lockedUntil: 0 };
      entry.times = entry.times.filter((t) => now - t < this.windowMs);
      entry.times.push(now);
      if (entry.times.length >= max) {
        entry.lockedUntil = now + this.lockMs;
        entry.times = [];
      }
      this.failures.set(key, entry);
    }
    if (this.failures.size > 100_000) this.failures.clear(); // bound memory under a spray of names
  }

  succeed(username: string, ip: string): void {
    this.failures.delete(this.keys(username, ip)[0][0]);
  }
}

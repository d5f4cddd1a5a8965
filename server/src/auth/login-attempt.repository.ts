import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface AttemptCount {
  attempts: number;
  /** Seconds until the lock ends, 0 when not locked. */
  lockedForSeconds: number;
}

/**
 * A row starts afresh when its window has passed without a lock, or when its lock has ended.
 * Every expression of ON CONFLICT's SET reads the row as it was, so the upsert is one atomic step.
 */
const FRESH = `((login_attempts."lockedUntil" IS NULL AND login_attempts."windowStart" <= now() - make_interval(secs => $2))
               OR login_attempts."lockedUntil" <= now())`;

@Injectable()
export class LoginAttemptRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Counts one more attempt for `key` and, once the count passes `max` within the window, locks it
   * for `lockSeconds` (`max` 0: never locks). Answers the count and the lock after this attempt.
   */
  async bump(key: string, windowSeconds: number, max: number, lockSeconds: number): Promise<AttemptCount> {
    const rows: { attempts: number; lockedForSeconds: string | number | null }[] = await this.db.query(
      `INSERT INTO login_attempts (key, attempts, "windowStart", "lockedUntil")
            VALUES ($1, 1, now(), CASE WHEN $3 > 0 AND 1 > $3 THEN now() + make_interval(secs => $4) END)
       ON CONFLICT (key) DO UPDATE SET
         attempts = CASE WHEN ${FRESH} THEN 1 ELSE login_attempts.attempts + 1 END,
         "windowStart" = CASE WHEN ${FRESH} THEN now() ELSE login_attempts."windowStart" END,
         "lockedUntil" = CASE
           WHEN ${FRESH} THEN NULL
           WHEN login_attempts."lockedUntil" IS NOT NULL THEN login_attempts."lockedUntil"
           WHEN $3 > 0 AND login_attempts.attempts + 1 > $3 THEN now() + make_interval(secs => $4)
           ELSE NULL END
       RETURNING attempts,
                 CASE WHEN "lockedUntil" > now() THEN ceil(extract(epoch FROM "lockedUntil" - now())) ELSE 0 END AS "lockedForSeconds"`,
      [key, windowSeconds, max, lockSeconds],
    );
    return { attempts: rows[0].attempts, lockedForSeconds: Number(rows[0].lockedForSeconds ?? 0) };
  }

  /** The count in the current window, without counting. */
  async count(key: string, windowSeconds: number): Promise<number> {
    const rows: { attempts: number }[] = await this.db.query(`SELECT attempts FROM login_attempts WHERE key = $1 AND "windowStart" > now() - make_interval(secs => $2)`, [
      key,
      windowSeconds,
    ]);
    return rows[0]?.attempts ?? 0;
  }

  async clear(key: string): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE key = $1`, [key]);
  }

  /** Forgets rows whose window and lock have long passed (a spray of made-up names leaves many). */
  async prune(olderThanSeconds: number): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE "windowStart" < now() - make_interval(secs => $1) AND ("lockedUntil" IS NULL OR "lockedUntil" < now())`, [
      olderThanSeconds,
    ]);
  }
}

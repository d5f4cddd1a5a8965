import pg from 'pg';

/** The advisory lock key held while a process prepares the database: "qa-startup" as a number. */
export const STARTUP_LOCK_KEY = 0x71615f7374617274n;

/**
 * Runs `work` holding a session-level PostgreSQL advisory lock on `databaseUrl`: several processes
 * started at once against a new or older database run their start-up work (migrations, the first
 * admin, the default checklist, the demo centre) one after another, so it happens exactly once; the
 * others wait here, then find it done and go on. The lock is the database's own (advisory locks are
 * per database), on a connection of its own, and is released when `work` ends or the process dies.
 */
export async function withStartupLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'qa-startup' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY.toString()]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY.toString()]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

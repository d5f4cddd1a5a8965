/**
 * Starting together (issue 16): start-up work runs under the database's advisory lock, one
 * start-up at a time (test/api/multi-process.test.ts starts real processes together under it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStartupLock } from '#server/database/startup-lock.js';
import { createEmptyDatabase } from '../support/processes.js';

let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
beforeAll(async () => {
  db = await createEmptyDatabase();
});
afterAll(() => db?.drop());

describe('the start-up lock', () => {
  it('lets one start-up at a time do its work on a database', async () => {
    const events: string[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        withStartupLock(db.url, async () => {
          events.push(`in ${n}`);
          await new Promise((r) => setTimeout(r, 50));
          events.push(`out ${n}`);
        }),
      ),
    );
    expect(events).toHaveLength(6);
    for (let i = 0; i < 6; i += 2) expect(events[i + 1]).toBe(events[i].replace('in', 'out'));
  });
});

/**
 * Workers wake on PostgreSQL NOTIFY (issue 16, process roles): with the fallback poll set to an
 * hour, a call's automatic check is still stored by its background job, since sending the job
 * announces it on the `qa_jobs` channel and the LISTENing worker fetches it at once.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

let t: TestApp;
let sql: pg.Client;
beforeAll(async () => {
  t = await startTestApp({ JOB_POLL_SECONDS: '3600' });
  sql = new pg.Client({ connectionString: t.databaseUrl });
  await sql.connect();
});
afterAll(async () => {
  await sql?.end();
  await t?.close();
});

describe('job workers and NOTIFY', () => {
  it('a job sent after the worker last polled runs at once, long before the next poll', async () => {
    const b = builders(t);
    const project = await b.project();
    const team = await b.team(project.code);
    const agent = await b.agent(team.code);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await t
        .as(t.adminToken)
        .post('/api/recordings')
        .attach('audio', toneWav(5), 'call.wav')
        .field('metadata', JSON.stringify({ externalId: `notify-${i}`, agent: agent.employeeNo, startedAt: '2026-11-26T10:00:00+08:00', direction: 'inbound' }))
        .field('transcript', JSON.stringify({ segments: [{ speaker: 'agent', start: 0.5, end: 3, text: '您好，很高兴为您服务' }] }));
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    // Nobody reads the checks (a read would run the engine on the spot): the stored rows are the job's.
    await waitFor(
      async () => (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM recording_auto_checks WHERE "recordingId" = ANY($1)`, [ids])).rows[0].n === ids.length,
      { timeoutMs: 20_000, intervalMs: 100, what: 'the automatic-check jobs to run (the fallback poll is an hour away)' },
    );
  });
});

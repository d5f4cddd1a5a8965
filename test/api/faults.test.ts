/**
 * Faults (issue 16, proof): the BUILT server as separate `api` and `worker` processes on one
 * PostgreSQL and one DATA_DIR, killed with SIGKILL in the middle of their work, as a crashed machine
 * or an OOM kill would stop them. Afterwards nothing acknowledged is lost, nothing unacknowledged is
 * half-stored, every job finishes exactly once in effect, and nobody had to step in. `npm run build` first.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIO_SWEEP } from '#server/recordings/audio-sweep.js';
import { toneWav } from '../support/audio.js';
import { createTestDatabase } from '../support/database.js';
import { type ServerProcess, spawnServer, stopServer } from '../support/processes.js';
import { waitFor } from '../support/wait-for.js';

const ADMIN_PASSWORD = 'admin-faults-pass';
let db: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;
let sql: pg.Client;
const processes: ServerProcess[] = [];
let agentNo: string;
let teamId: string;

const env = (role: string) => ({ DATABASE_URL: db.url, DATA_DIR: dataDir, QA_ADMIN_PASSWORD: ADMIN_PASSWORD, PROCESS_ROLE: role, JOB_POLL_SECONDS: '1' });
async function start(role: string): Promise<ServerProcess> {
  const p = await spawnServer(env(role));
  processes.push(p);
  await p.healthy();
  return p;
}
/** SIGKILL: no shutdown hook runs, connections and files are left as they are. */
async function kill(p: ServerProcess): Promise<void> {
  p.child.kill('SIGKILL');
  await p.exited;
}

async function call(server: ServerProcess, method: string, url: string, token?: string, body?: unknown) {
  const res = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}
async function signIn(server: ServerProcess): Promise<string> {
  const res = await call(server, 'POST', '/api/auth/login', undefined, { username: 'admin', password: ADMIN_PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.accessToken as string;
}

const transcript = { segments: [{ speaker: 'agent', start: 0.5, end: 3, text: '喂，什么事' }] };
function ingest(server: ServerProcess, token: string, externalId: string, audio: Buffer): Promise<{ status: number | 'no answer'; id?: string }> {
  const form = new FormData();
  form.set('audio', new Blob([audio]), 'call.wav');
  form.set('metadata', JSON.stringify({ externalId, agent: agentNo, startedAt: '2026-11-26T10:00:00+08:00', direction: 'inbound' }));
  form.set('transcript', JSON.stringify(transcript));
  return fetch(`${server.baseUrl}/api/recordings`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form }).then(
    async (res) => ({ status: res.status, id: res.ok ? ((await res.json()) as { id: string }).id : undefined }),
    () => ({ status: 'no answer' as const }),
  );
}

/** Every audio file under DATA_DIR/audio, as storage keys. */
async function audioFiles(): Promise<string[]> {
  const root = path.join(dataDir, 'audio');
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  db = await createTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qa-faults-'));
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const api = await start('api');
  const token = await signIn(api);
  expect((await call(api, 'POST', '/api/projects', token, { code: 'FT', name: '故障' })).status).toBe(201);
  const team = await call(api, 'POST', '/api/teams', token, { code: 'FT-1', name: '一组', project: 'FT' });
  expect(team.status).toBe(201);
  teamId = team.body.id;
  const agent = await call(api, 'POST', '/api/agents', token, { employeeNo: 'FT001', name: '李四', team: 'FT-1', hiredAt: '2024-01-01', grade: 'C' });
  expect(agent.status).toBe(201);
  agentNo = 'FT001';
  await stopServer(api);
}, 120_000);

afterAll(async () => {
  await sql?.end().catch(() => undefined);
  await Promise.all(processes.map((p) => stopServer(p)));
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('kill -9 of an api process in the middle of 50 concurrent ingests', () => {
  it('every acknowledged call is complete, nothing else half-stored; the sweep removes orphan audio; retries complete the rest', async () => {
    const worker = await start('worker');
    const api = await start('api');
    const token = await signIn(api);
    const calls = Array.from({ length: 50 }, (_, i) => ({ externalId: `kill-api-${i}-${randomUUID()}`, audio: toneWav(20 + (i % 7)) }));
    let killed: Promise<void> | undefined;
    let acks = 0;
    const answers = await Promise.all(
      calls.map(async (c) => {
        const answer = await ingest(api, token, c.externalId, c.audio);
        // The tenth acknowledgement: the others are still being received, decoded, stored.
        if (answer.status === 201 && ++acks === 10) killed = kill(api);
        return { ...c, ...answer };
      }),
    );
    await killed;
    const acknowledged = answers.filter((a) => a.status === 201);
    const unanswered = answers.filter((a) => a.status === 'no answer');
    expect(acknowledged.length).toBeGreaterThan(0);
    // Killed in the middle: some were never answered; none was refused.
    expect(unanswered.length).toBeGreaterThan(0);
    expect(acknowledged.length + unanswered.length).toBe(50);

    const again = await start('api');
    const token2 = await signIn(again);
    for (const a of acknowledged) {
      const detail = await call(again, 'GET', `/api/recordings/${a.id}`, token2);
      expect(detail.status).toBe(200);
      expect(detail.body.externalId).toBe(a.externalId);
      const audio = await fetch(`${again.baseUrl}/api/recordings/${a.id}/audio`, { headers: { Authorization: `Bearer ${token2}` } });
      expect(audio.status).toBe(200);
      expect(sha256(Buffer.from(await audio.arrayBuffer()))).toBe(sha256(a.audio));
      const peaks = await call(again, 'GET', `/api/recordings/${a.id}/peaks`, token2);
      expect(peaks.status).toBe(200);
      expect(peaks.body.channels[0].length).toBeGreaterThan(0);
    }
    // Each acknowledged call's automatic check, stored by the worker (not computed on reading).
    const ackIds = acknowledged.map((a) => a.id!);
    await waitFor(
      async () =>
        (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM recording_auto_checks WHERE "recordingId" = ANY($1)`, [ackIds])).rows[0].n === ackIds.length,
      { timeoutMs: 60_000, intervalMs: 200, what: 'the worker to check every acknowledged call' },
    );

    // No row without its audio, whole, nor without its peaks: in the database as a whole.
    const rows = (
      await sql.query<{ id: string; externalId: string; audioKey: string; audioSha256: string; peaks: boolean }>(
        `SELECT r.id, r."externalId", r."audioKey", r."audioSha256", EXISTS (SELECT 1 FROM recording_peaks p WHERE p."recordingId" = r.id) AS peaks FROM recordings r`,
      )
    ).rows;
    for (const r of rows) {
      expect(r.peaks, `${r.externalId} has its peaks`).toBe(true);
      expect(sha256(await readFile(path.join(dataDir, 'audio', r.audioKey))), `${r.externalId}'s audio`).toBe(r.audioSha256);
    }
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(ackIds));

    // Audio a killed ingest left without its row is removed by the sweep once old enough (here: made two hours old).
    const keys = new Set(rows.map((r) => r.audioKey));
    console.log(`faults: ${acknowledged.length} acknowledged, ${rows.length} rows, ${(await audioFiles()).length} audio files before the sweep`);
    const old = new Date(Date.now() - 2 * 3600_000);
    for (const f of await audioFiles()) await utimes(path.join(dataDir, 'audio', f), old, old);
    const boss = new PgBoss({ connectionString: db.url, schema: 'pgboss', schedule: false, supervise: false, migrate: false });
    await boss.start();
    try {
      const job = await boss.send(AUDIO_SWEEP, {});
      await waitFor(async () => (await boss.getJobById(AUDIO_SWEEP, job!))?.state === 'completed', {
        timeoutMs: 60_000,
        intervalMs: 200,
        what: 'a worker to run the audio sweep',
      });
    } finally {
      await boss.stop({ graceful: false });
    }
    expect((await audioFiles()).sort()).toEqual([...keys].sort());

    // The recording system posts the unanswered calls again: each ends complete, stored once.
    for (const u of unanswered) {
      const res = await ingest(again, token2, u.externalId, u.audio);
      expect([200, 201]).toContain(res.status);
    }
    const stored = await sql.query<{ n: number; distinctIds: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT "externalId")::int AS "distinctIds" FROM recordings WHERE "externalId" LIKE 'kill-api-%'`,
    );
    expect(stored.rows[0]).toEqual({ n: 50, distinctIds: 50 });
    await kill(worker);
    await stopServer(again);
  }, 240_000);
});

describe('kill -9 of a worker in the middle of a re-check of 10,000 calls', () => {
  it('a new worker takes the run up: it finishes, every call checked once under the new version, the roll-ups counted once', async () => {
    const worker = await start('worker');
    const api = await start('api');
    const token = await signIn(api);
    // Many calls, made by copying one ingested call in SQL (ingesting thousands over HTTP would be the test's whole time).
    const first = await ingest(api, token, `recheck-seed-${randomUUID()}`, toneWav(5));
    expect(first.status).toBe(201);
    const copies = 10_000;
    await sql.query(
      `WITH src AS (SELECT * FROM recordings WHERE id = $1), made AS (
         INSERT INTO recordings (id, "externalId", "agentId", "teamId", "projectId", "startedAt", "localDate", direction, "customerNumber", "businessType",
                                 channels, "durationSeconds", "audioFormat", "sampleRate", "channelCount", "audioKey", "audioBytes", "audioSha256", "hasTranscript")
         SELECT gen_random_uuid(), 'recheck-' || i, "agentId", "teamId", "projectId", "startedAt" - i * interval '1 minute', "localDate", direction, "customerNumber",
                "businessType", channels, "durationSeconds", "audioFormat", "sampleRate", "channelCount", "audioKey", "audioBytes", "audioSha256", true
           FROM src, generate_series(1, $2) i RETURNING id)
       INSERT INTO recording_transcripts ("recordingId", transcript) SELECT made.id, t.transcript FROM made, recording_transcripts t WHERE t."recordingId" = $1`,
      [first.id, copies],
    );
    const { rows: totals } = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM recordings r JOIN recording_transcripts t ON t."recordingId" = r.id`);
    const checkable = totals[0].n;
    expect(checkable).toBeGreaterThan(copies);

    // A new version (one more forbidden phrase) is published: a re-check of every call starts.
    const draft = (await call(api, 'POST', '/api/checklists', token, {})).body;
    draft.sections[0].items.find((i: { code: string }) => i.code === 'FORBIDDEN').rule.phrases.push('你自己看着办');
    expect((await call(api, 'PUT', `/api/checklists/${draft.id}`, token, { sections: draft.sections })).status).toBe(200);
    expect((await call(api, 'POST', `/api/checklists/${draft.id}/publish`, token)).status).toBe(200);
    const version = draft.id as string;
    const checked = async () =>
      (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM recording_auto_checks WHERE "checklistVersionId" = $1`, [version])).rows[0].n;
    await waitFor(async () => (await checked()) >= 200, { timeoutMs: 120_000, intervalMs: 20, what: 'the re-check to be under way' });
    await kill(worker);
    const run = (await sql.query<{ id: string; status: string }>(`SELECT id, status FROM autocheck_runs WHERE "checklistVersionId" = $1`, [version])).rows;
    expect(run).toHaveLength(1);
    expect(run[0].status).toBe('running');
    const atKill = await checked();
    expect(atKill).toBeLessThan(checkable);

    const next = await start('worker');
    const done = await waitFor(
      async () =>
        (await sql.query<{ status: string; done: number; total: number }>(`SELECT status, done, total FROM autocheck_runs WHERE id = $1`, [run[0].id])).rows.find(
          (r) => r.status === 'done',
        ),
      { timeoutMs: 180_000, intervalMs: 200, what: () => `the re-check run to finish after the new worker started:\n${next.output()}` },
    );
    expect(done.done).toBe(done.total);
    // No other run was started for the version: the same run was taken up.
    expect((await sql.query(`SELECT 1 FROM autocheck_runs WHERE "checklistVersionId" = $1`, [version])).rowCount).toBe(1);
    const perCall = await sql.query<{ calls: number; most: number }>(
      `SELECT count(*)::int AS calls, coalesce(max(n), 0)::int AS most FROM (SELECT "recordingId", count(*) AS n FROM recording_auto_checks WHERE "checklistVersionId" = $1 GROUP BY 1) x`,
      [version],
    );
    expect(perCall.rows[0]).toEqual({ calls: checkable, most: 1 });
    // The team's roll-up counts each call's latest verdicts once: calls × rules, not more.
    const rules = (
      await sql.query<{ n: number }>(`SELECT jsonb_array_length(results)::int AS n FROM recording_auto_checks WHERE "checklistVersionId" = $1 LIMIT 1`, [version])
    ).rows[0].n;
    const rolled = await sql.query<{ results: number }>(`SELECT coalesce(sum(results), 0)::int AS results FROM auto_check_days WHERE "teamId" = $1`, [teamId]);
    expect(rolled.rows[0].results).toBe(checkable * rules);
    await stopServer(next);
    await stopServer(api);
  }, 420_000);
});

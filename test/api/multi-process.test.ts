/**
 * Processes apart and together (issue 16, process roles): the BUILT server as real child processes
 * on one PostgreSQL and one DATA_DIR — two `api` processes and one `worker` started at once on a new
 * database, then a second worker joining — as an orchestrator would run them. `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '#server/database/migrations.js';
import { STARTUP_LOCK_KEY } from '#server/database/startup-lock.js';
import { SAMPLING_TICK } from '#server/sampling/sampling-schedule.js';
import { toneWav } from '../support/audio.js';
import { createEmptyDatabase, type ServerProcess, spawnServer, stopServer } from '../support/processes.js';
import { waitFor } from '../support/wait-for.js';

const ADMIN_PASSWORD = 'admin-multi-pass';
let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
let dataDir: string;
let sql: pg.Client;
let api1: ServerProcess;
let api2: ServerProcess;
let worker: ServerProcess;
let worker2: ServerProcess | undefined;
let boss: PgBoss | undefined;
const all = () => [api1, api2, worker, worker2].filter((p): p is ServerProcess => !!p);

beforeAll(async () => {
  db = await createEmptyDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qa-multi-'));
  const env = (role: string) => ({ DATABASE_URL: db.url, DATA_DIR: dataDir, QA_ADMIN_PASSWORD: ADMIN_PASSWORD, PROCESS_ROLE: role });
  // All three at once, on a database nobody has migrated yet, while the start-up lock is held (as
  // by a fourth process migrating): each waits for it, then all three go on together.
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  await sql.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK_KEY.toString()]);
  [api1, api2, worker] = await Promise.all([spawnServer(env('api')), spawnServer(env('api')), spawnServer(env('worker'))]);
  await waitFor(
    async () => {
      for (const p of [api1, api2, worker]) if (p.child.exitCode !== null) throw new Error(`the ${p.role} process exited:\n${p.output()}`);
      const { rows } = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'qa-startup' AND wait_event_type = 'Lock'`,
      );
      return rows[0].n === 3;
    },
    { timeoutMs: 90_000, intervalMs: 200, what: 'all three processes to wait for the start-up lock' },
  );
  await sql.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK_KEY.toString()]);
  await Promise.all([api1.healthy(), api2.healthy(), worker.healthy()]);
  // A second worker joins a database already migrated; two workers now share every queue and schedule.
  worker2 = await spawnServer(env('worker'));
  await worker2.healthy();
}, 240_000);

afterAll(async () => {
  await boss?.stop({ graceful: false }).catch(() => undefined);
  await sql?.end().catch(() => undefined);
  await Promise.all(all().map((p) => stopServer(p)));
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function call(server: ServerProcess, method: string, url: string, token?: string, body?: unknown) {
  const res = await fetch(`${server.baseUrl}${url}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function signIn(server: ServerProcess, username: string, password: string): Promise<string> {
  const res = await call(server, 'POST', '/api/auth/login', undefined, { username, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.accessToken as string;
}

describe('started together on a new database', () => {
  it('migrate it exactly once and create the first admin once: all reach healthy', async () => {
    const migrations = await sql.query<{ name: string; n: number }>('SELECT name, count(*)::int AS n FROM migrations GROUP BY name');
    expect(migrations.rows).toHaveLength(MIGRATIONS.length);
    expect(migrations.rows.every((r) => r.n === 1)).toBe(true);
    const admins = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username = 'admin'`);
    expect(admins.rows[0].n).toBe(1);
    const checklists = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM checklist_versions');
    expect(checklists.rows[0].n).toBe(1);
    for (const p of all()) expect((await fetch(`${p.baseUrl}/api/health`)).status).toBe(200);
  });

  it('a worker serves no pages and no API, only GET /api/health', async () => {
    expect((await call(worker, 'GET', '/api/health')).body).toEqual({ status: 'ok' });
    expect((await fetch(`${worker.baseUrl}/`)).status).toBe(404);
    expect((await call(worker, 'POST', '/api/auth/login', undefined, { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(404);
    expect((await call(api1, 'POST', '/api/auth/login', undefined, { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  });
});

describe('a bad PROCESS_ROLE', () => {
  it('is refused at start with the values it may take, exit code 1', async () => {
    const bad = await spawnServer({ DATABASE_URL: db.url, DATA_DIR: dataDir, PROCESS_ROLE: 'web' });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('Not starting: PROCESS_ROLE="web" is not a process role: use one of all, api, worker');
  });
});

describe('two api processes and the workers on one database', () => {
  it('calls posted to the first appear, checked by a worker, when read through the second', async () => {
    const token = await signIn(api1, 'admin', ADMIN_PASSWORD);
    expect((await call(api1, 'POST', '/api/projects', token, { code: 'MP', name: '多进程' })).status).toBe(201);
    expect((await call(api1, 'POST', '/api/teams', token, { code: 'MP-1', name: '一组', project: 'MP' })).status).toBe(201);
    expect((await call(api1, 'POST', '/api/agents', token, { employeeNo: 'MP001', name: '张三', team: 'MP-1', hiredAt: '2024-01-01', grade: 'C' })).status).toBe(201);
    const transcript = { segments: [{ speaker: 'agent', start: 0.5, end: 3, text: '喂，什么事' }] };
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const form = new FormData();
      form.set('audio', new Blob([toneWav(5)]), 'call.wav');
      form.set('metadata', JSON.stringify({ externalId: `mp-${i}`, agent: 'MP001', startedAt: '2026-11-26T10:00:00+08:00', direction: 'inbound' }));
      form.set('transcript', JSON.stringify(transcript));
      const res = await fetch(`${api1.baseUrl}/api/recordings`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // Stored by a worker's job (the api processes run no handlers), before anyone reads them.
    await waitFor(
      async () => (await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM recording_auto_checks WHERE "recordingId" = ANY($1)`, [ids])).rows[0].n === ids.length,
      { timeoutMs: 30_000, intervalMs: 100, what: 'the workers to store the five calls’ automatic checks' },
    );
    const other = await signIn(api2, 'admin', ADMIN_PASSWORD);
    for (const id of ids) {
      const recording = await call(api2, 'GET', `/api/recordings/${id}`, other);
      expect(recording.status).toBe(200);
      expect(recording.body.id).toBe(id);
      const checks = await call(api2, 'GET', `/api/recordings/${id}/auto-checks`, other);
      expect(checks.status).toBe(200);
      expect(Object.fromEntries(checks.body.results.map((r: { code: string; verdict: string }) => [r.code, r.verdict]))).toMatchObject({ GREETING: 'fail' });
    }
    // The audio, stored through the first, plays through the second (one DATA_DIR).
    const audio = await fetch(`${api2.baseUrl}/api/recordings/${ids[0]}/audio`, { headers: { Authorization: `Bearer ${other}` } });
    expect(audio.status).toBe(200);
    expect(
      Buffer.from(await audio.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('RIFF');
  });

  it('sign-in failures on one api count on the other', async () => {
    const token = await signIn(api1, 'admin', ADMIN_PASSWORD);
    expect((await call(api1, 'POST', '/api/users', token, { username: 'guessme', password: 'secret-pass-1', displayName: '测试', roles: ['inspector'] })).status).toBe(
      201,
    );
    // Five attempts in all, spread over both processes: the username is locked on both.
    for (const [server, n] of [
      [api1, 3],
      [api2, 2],
    ] as const) {
      for (let i = 0; i < n; i++) expect((await call(server, 'POST', '/api/auth/login', undefined, { username: 'guessme', password: 'wrong-pass' })).status).toBe(401);
    }
    expect((await call(api2, 'POST', '/api/auth/login', undefined, { username: 'guessme', password: 'secret-pass-1' })).status).toBe(429);
    expect((await call(api1, 'POST', '/api/auth/login', undefined, { username: 'guessme', password: 'secret-pass-1' })).status).toBe(429);
  });

  it('a session signed out on one api is refused by the other', async () => {
    const token = await signIn(api1, 'admin', ADMIN_PASSWORD);
    expect((await call(api2, 'GET', '/api/auth/me', token)).status).toBe(200);
    expect((await call(api1, 'POST', '/api/auth/logout', token)).status).toBe(204);
    expect((await call(api2, 'GET', '/api/auth/me', token)).status).toBe(401);
    expect((await call(api1, 'GET', '/api/auth/me', token)).status).toBe(401);
  });

  it('a scheduled job runs once a minute across two workers', async () => {
    // A schedule every minute for the sampling tick (harmless: nothing here is due for sampling).
    boss = new PgBoss({ connectionString: db.url, schema: 'pgboss', schedule: false, supervise: false, migrate: false });
    await boss.start();
    await boss.schedule(SAMPLING_TICK, '* * * * *', {}, { tz: 'Asia/Shanghai' });
    const since = (await sql.query<{ now: Date }>('SELECT now()')).rows[0].now;
    // Each minute's occurrence is one `__pgboss__send-it` job (its singleton slot: the minute), which a
    // worker turns into the tick. Counted by occurrence, not by the tick's creation minute: under load a
    // minute's tick can be created in the next minute, beside that minute's own.
    const counts = async () =>
      (
        await sql.query<{ occurrences: number; sent: number; sendsDone: number; ticks: number; ticksDone: number }>(
          `SELECT count(DISTINCT s.singleton_on)::int AS occurrences, count(s.id)::int AS sent,
                  count(s.id) FILTER (WHERE s.state = 'completed')::int AS "sendsDone",
                  (SELECT count(*)::int FROM pgboss.job WHERE name = $1 AND created_on >= $2) AS ticks,
                  (SELECT count(*)::int FROM pgboss.job WHERE name = $1 AND created_on >= $2 AND state = 'completed') AS "ticksDone"
             FROM pgboss.job s WHERE s.name = '__pgboss__send-it' AND s.data->>'name' = $1 AND s.created_on >= $2`,
          [SAMPLING_TICK, since],
        )
      ).rows[0];
    // Two minutes' occurrences run: meanwhile each worker has checked the schedules several times.
    const done = await waitFor(
      async () => {
        const c = await counts();
        return c.occurrences >= 2 && c.sendsDone === c.sent && c.ticksDone === c.ticks && c.ticks >= c.occurrences && c;
      },
      { timeoutMs: 200_000, intervalMs: 1_000, what: 'two minutes of the scheduled sampling tick to run' },
    );
    // Once per occurrence: one send per minute, one tick per send, each run to completion.
    expect(done.sent).toBe(done.occurrences);
    expect(done.ticks).toBe(done.occurrences);
    await boss.unschedule(SAMPLING_TICK);
  }, 240_000);
});

describe('stopping', () => {
  it('on SIGTERM an api process finishes the request in flight with 200, refuses new ones, and exits 0', async () => {
    const body = JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD });
    const req = http.request(`${api2.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Expect: '100-continue' },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
    });
    // "100 Continue": the server has the request's headers; its body is still to come.
    await new Promise<void>((resolve) => req.once('continue', resolve));
    api2.child.kill('SIGTERM');
    await waitFor(() => api2.output().includes('SIGTERM: stopping'), { timeoutMs: 10_000, what: 'the api process to begin stopping' });
    await waitFor(
      () =>
        fetch(`${api2.baseUrl}/api/health`).then(
          () => false,
          () => true,
        ),
      { timeoutMs: 10_000, what: 'the stopping api process to refuse new connections' },
    );
    req.end(body);
    const res = await answered.catch((e: Error) => {
      throw new Error(`${e.message}; the api process wrote:\n${api2.output()}`);
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).accessToken).toEqual(expect.any(String));
    expect(await api2.exited).toBe(0);
  });

  it('on SIGTERM a worker stops its queue and exits 0; the other processes go on', async () => {
    expect(await stopServer(worker2!), worker2!.output()).toBe(0);
    expect(await stopServer(worker), worker.output()).toBe(0);
    expect((await fetch(`${api1.baseUrl}/api/health`)).status).toBe(200);
  });
});

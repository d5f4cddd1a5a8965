/**
 * PostgreSQL restarted under load (issue 16, faults): an `api` and a `worker` process (the BUILT
 * server) on a PostgreSQL of this test's own, stopped and started again on the same data directory
 * and port while requests keep coming. Meanwhile every request answers 503 UNAVAILABLE (never a 500,
 * never a hang, nothing half-stored); afterwards the same processes answer again with no one
 * restarting them. `npm run build` first.
 */
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '#server/database/embedded-postgres.js';
import { toneWav } from '../support/audio.js';
import { freePort, type ServerProcess, spawnServer, stopServer } from '../support/processes.js';
import { waitFor } from '../support/wait-for.js';

const ADMIN_PASSWORD = 'admin-pg-restart';
let dir: string;
let port: number;
let pgServer: EmbeddedDatabase;
let dataDir: string;
let api: ServerProcess;
let worker: ServerProcess;
let token: string;
let recordingId: string;

const startPostgres = () => startEmbeddedPostgres(path.join(dir, 'pg'), { fsyncOff: true, port });

async function call(method: string, url: string, body?: unknown, auth = true) {
  const res = await fetch(`${api.baseUrl}${url}`, {
    method,
    headers: { ...(auth ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, retryAfter: res.headers.get('retry-after') };
}

function ingest(externalId: string) {
  const form = new FormData();
  form.set('audio', new Blob([toneWav(5)]), 'call.wav');
  form.set('metadata', JSON.stringify({ externalId, agent: 'PG001', startedAt: '2026-11-26T10:00:00+08:00', direction: 'inbound' }));
  return fetch(`${api.baseUrl}/api/recordings`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(30_000) }).then(
    async (res) => ({ status: res.status, body: (await res.json()) as { id?: string; code?: string } }),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'qa-pg-restart-'));
  await chmod(dir, 0o755);
  port = await freePort();
  pgServer = await startPostgres();
  dataDir = path.join(dir, 'data');
  const env = (role: string) => ({ DATABASE_URL: pgServer.url, DATA_DIR: dataDir, QA_ADMIN_PASSWORD: ADMIN_PASSWORD, PROCESS_ROLE: role, JOB_POLL_SECONDS: '1' });
  api = await spawnServer(env('api'));
  await api.healthy(); // migrates the new database
  worker = await spawnServer(env('worker'));
  await worker.healthy();
  token = (await call('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }, false)).body.accessToken;
  expect((await call('POST', '/api/projects', { code: 'PG', name: '重启' })).status).toBe(201);
  expect((await call('POST', '/api/teams', { code: 'PG-1', name: '一组', project: 'PG' })).status).toBe(201);
  expect((await call('POST', '/api/agents', { employeeNo: 'PG001', name: '王五', team: 'PG-1', hiredAt: '2024-01-01', grade: 'C' })).status).toBe(201);
  const first = await ingest('pg-before');
  expect(first.status).toBe(201);
  recordingId = first.body.id!;
}, 180_000);

afterAll(async () => {
  for (const p of [api, worker]) if (p) await stopServer(p);
  await pgServer?.stop().catch(() => undefined);
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe('PostgreSQL stopped and started again under load', () => {
  it('requests answer 503 UNAVAILABLE meanwhile, then succeed again without a restart of the processes', async () => {
    const seen: { phase: 'up' | 'down' | 'back'; status: number | string; code?: string }[] = [];
    let phase: 'up' | 'down' | 'back' = 'up';
    let running = true;
    const urls = ['/api/recordings?pageSize=5', `/api/recordings/${recordingId}`, `/api/recordings/${recordingId}/peaks`, '/api/auth/me'];
    // Four clients, each one request after another, for the whole test.
    const load = Array.from({ length: 4 }, async (_, n) => {
      for (let i = n; running; i++) {
        const now = phase;
        const res = await call('GET', urls[i % urls.length]).catch((e: Error) => ({ status: `error ${e.name}`, body: null, retryAfter: null }));
        seen.push({ phase: now, status: res.status, code: res.body?.code });
      }
    });
    await waitFor(() => seen.filter((s) => s.phase === 'up' && s.status === 200).length >= 20, { timeoutMs: 30_000, what: 'the load to be running' });

    await pgServer.stop();
    phase = 'down';
    await waitFor(() => seen.filter((s) => s.phase === 'down' && s.status === 503).length >= 10, {
      timeoutMs: 30_000,
      what: () => `503 answers while PostgreSQL is down; seen ${JSON.stringify(seen.filter((s) => s.phase === 'down').slice(-5))}`,
    });
    // What each request answers while it is down: 503 UNAVAILABLE with Retry-After, health included.
    const down = await call('GET', '/api/recordings?pageSize=5');
    expect(down).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE' }, retryAfter: '5' });
    expect((await call('GET', '/api/health', undefined, false)).status).toBe(503);
    // A call posted meanwhile is refused whole: no row can be written, and its audio is taken back.
    const refused = await ingest('pg-during');
    expect(refused).toMatchObject({ status: 503, body: { code: 'UNAVAILABLE' } });

    pgServer = await startPostgres();
    phase = 'back';
    await waitFor(() => seen.filter((s) => s.phase === 'back' && s.status === 200).length >= 20, {
      timeoutMs: 60_000,
      what: () => `the api to answer again after PostgreSQL came back; seen ${JSON.stringify(seen.slice(-5))}\n${api.output().slice(-2000)}`,
    });
    running = false;
    await Promise.all(load);

    // Never anything but 200 or 503: no 500, no request left hanging.
    const statuses = [...new Set(seen.map((s) => `${s.status} ${s.code ?? ''}`.trim()))].sort();
    expect(
      statuses.every((s) => s === '200' || s === '503 UNAVAILABLE'),
      statuses.join(', '),
    ).toBe(true);
    expect(api.child.exitCode).toBeNull();
    expect(worker.child.exitCode).toBeNull();

    // Back to normal: sign-in, the health probes, and an ingest checked by the worker (its job queue reconnected).
    expect((await call('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }, false)).status).toBe(200);
    for (const p of [api, worker]) expect((await fetch(`${p.baseUrl}/api/health`)).status).toBe(200);
    const after = await ingest('pg-after');
    expect(after.status).toBe(201);
    await waitFor(async () => (await call('GET', `/api/recordings/${after.body.id}`)).status === 200, { timeoutMs: 10_000, what: 'the new call to read back' });
    const again = await ingest('pg-during');
    expect(again.status).toBe(201);
    // Only the two stored calls' audio and the new one's are on disk: the refused one's was taken back.
    const files = (await readdir(path.join(dataDir, 'audio'), { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files).toHaveLength(3);
  }, 240_000);
});

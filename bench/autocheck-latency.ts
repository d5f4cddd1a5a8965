/**
 * Time from ingest to automatic checks stored, while ingesting 20 calls a second (issue
 * "Automatic checks": p95 under 2 s; issue 16, process roles: under 300 ms with the api and the
 * worker as separate processes, the worker woken by NOTIFY). `split`: the BUILT server as two child
 * processes, PROCESS_ROLE=api (posted to) and PROCESS_ROLE=worker; otherwise one in-process `all` app. Calls are posted at a steady 20/s over HTTP; a watcher polls
 * the database for each call's stored verdicts. Baseline in the same run: the ingest round-trip
 * itself, so the ratio shows how long the background check trails the upload.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { synthesiseCall } from '#server/demo/demo-audio.js';
import {
  apiClient,
  BENCH_ADMIN_PASSWORD,
  describeMachine,
  distribution,
  expectStatus,
  login,
  startBenchApp,
  startBenchDatabase,
  startBenchProcess,
  type BenchProcess,
} from './support.js';

const RATE = 20;
const SECONDS = 20;

export async function runAutocheckLatencyBench(options: { split?: boolean; workers?: number } = {}) {
  const db = await startBenchDatabase();
  try {
    const app = options.split ? await startSplitProcesses(db.url, `${db.dir}/data`, options.workers ?? 1) : await startBenchApp(db.url, `${db.dir}/data`);
    try {
      const token = await login(app.baseUrl, 'admin', BENCH_ADMIN_PASSWORD);
      const api = apiClient(app.baseUrl, token);
      expectStatus(await api.post('/api/projects', { code: 'LAT', name: '延迟' }), 201, 'project');
      expectStatus(await api.post('/api/teams', { code: 'LAT-1', name: '一组', project: 'LAT' }), 201, 'team');
      expectStatus(await api.post('/api/agents', { employeeNo: 'L001', name: '测试', team: 'LAT-1', hiredAt: '2024-01-01', grade: 'C' }), 201, 'agent');
      const segments = [
        { speaker: 'agent' as const, start: 0.5, end: 3, text: '您好，很高兴为您服务' },
        { speaker: 'customer' as const, start: 3.2, end: 6, text: '我想问一下话费' },
        { speaker: 'agent' as const, start: 6.2, end: 12, text: '请稍等，这个我不清楚，谢谢' },
        { speaker: 'agent' as const, start: 50, end: 58, text: '感谢来电，再见' },
      ];
      const audio = synthesiseCall({ segments, duration: 60, stereo: false, seed: 1 });
      const transcript = JSON.stringify({ segments });

      const sql = new pg.Client({ connectionString: db.url });
      await sql.connect();
      const posted = new Map<string, number>(); // recording id → when its POST answered
      const roundTrips: number[] = [];
      const latencies: number[] = [];
      let stop = false;
      let lastPost = performance.now();
      const watcher = (async () => {
        while (!stop || posted.size) {
          const ids = [...posted.keys()];
          if (ids.length) {
            const { rows } = await sql.query(`SELECT "recordingId" FROM recording_auto_checks WHERE "recordingId" = ANY($1)`, [ids]);
            const now = performance.now();
            for (const r of rows) {
              latencies.push(now - posted.get(r.recordingId)!);
              posted.delete(r.recordingId);
            }
          }
          await new Promise((r) => setTimeout(r, 20));
          if (stop && performance.now() - lastPost > 30_000) break; // bounded: never wait for ever
        }
      })();
      const sends: Promise<void>[] = [];
      const started = performance.now();
      for (let i = 0; i < RATE * SECONDS; i++) {
        const due = started + (i * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        sends.push(
          (async () => {
            const form = new FormData();
            form.set('audio', new Blob([Buffer.from(audio)]), 'call.wav');
            form.set('metadata', JSON.stringify({ externalId: `lat-${i}`, agent: 'L001', startedAt: '2026-11-26T10:00:00+08:00', direction: 'inbound' }));
            form.set('transcript', transcript);
            const t0 = performance.now();
            const res = await fetch(`${app.baseUrl}/api/recordings`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
            const body = (await res.json()) as { id: string };
            lastPost = performance.now();
            roundTrips.push(lastPost - t0);
            if (res.status === 201) posted.set(body.id, lastPost);
          })(),
        );
      }
      await Promise.all(sends);
      const achievedRate = (RATE * SECONDS) / ((performance.now() - started) / 1000);
      stop = true;
      await watcher;
      await sql.end();
      const checked = distribution(latencies, 0);
      const targetP95Ms = options.split ? 300 : 2000;
      return {
        date: new Date().toISOString(),
        machine: describeMachine(),
        processes: options.split ? `api + ${options.workers ?? 1} worker(s) (child processes, NOTIFY)` : 'one process (all)',
        calls: RATE * SECONDS,
        targetRate: RATE,
        achievedRate: Math.round(achievedRate * 10) / 10,
        checkedWithin30s: latencies.length,
        ingestToChecksMs: checked,
        baselineIngestRoundTripMs: distribution(roundTrips, 0),
        ratioP95ToIngestP95: Math.round((checked.p95 / distribution(roundTrips, 0).p95) * 10) / 10,
        targetP95Ms,
        meetsTarget: checked.p95 < targetP95Ms && latencies.length === RATE * SECONDS,
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.stop();
  }
}

/** The built server as an `api` and `workers` `worker` processes on one database; answers the api's address. */
async function startSplitProcesses(databaseUrl: string, dataDir: string, workers: number): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const start = (role: 'api' | 'worker') => startBenchProcess(role, databaseUrl, dataDir);
  const api = await start('api');
  const started: BenchProcess[] = [];
  for (let i = 0; i < workers; i++) started.push(await start('worker'));
  return { baseUrl: api.baseUrl, close: async () => void (await Promise.all([api, ...started].map((p) => p.stop()))) };
}

/**
 * Shared pieces of the benchmarks: a real PostgreSQL in a temporary folder, the real application
 * listening on a loopback port, a small JSON client, percentiles and a description of the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '#server/app.factory.js';
import { readConfig } from '#server/config/app-config.js';
import { startEmbeddedPostgres } from '#server/database/embedded-postgres.js';
import { seededRandom } from '#shared/random.js';

export const BENCH_ADMIN_PASSWORD = 'bench-admin-pass';

export interface BenchDatabase {
  url: string;
  /** The temporary folder: the cluster lives in `pg/`, the app's DATA_DIR in `data/`. */
  dir: string;
  /** Stops PostgreSQL and removes the temporary folder. */
  stop(): Promise<void>;
}

/**
 * PostgreSQL in a fresh temporary folder (chmod 0755 so the `postgres` user can reach it as root,
 * STACK.md trap 6). `fsyncOff: false` by default: benchmarks run with the real durability settings.
 */
export async function startBenchDatabase(options: { fsyncOff?: boolean } = {}): Promise<BenchDatabase> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'qa-bench-'));
  await chmod(dir, 0o755);
  try {
    const db = await startEmbeddedPostgres(path.join(dir, 'pg'), { fsyncOff: options.fsyncOff ?? false });
    let stopped = false;
    return {
      url: db.url,
      dir,
      async stop() {
        if (stopped) return;
        stopped = true;
        await db.stop().catch((e) => process.stderr.write(`stopping PostgreSQL: ${String(e)}\n`));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

export interface BenchApp {
  app: NestExpressApplication;
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  close(): Promise<void>;
}

/** The whole application (migrations run at start) on 127.0.0.1, a free port, logging off. */
export async function startBenchApp(databaseUrl: string, dataDir: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const config = readConfig({ LOG_LEVEL: 'silent', QA_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD, DATA_DIR: dataDir, ...env });
  const app = await createApp({ ...config, databaseUrl });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface JsonResponse<T = any> {
  status: number;
  body: T;
}

/** A minimal JSON client over Node's fetch (keep-alive on loopback). */
export function apiClient(baseUrl: string, token?: string) {
  const headers = (extra: Record<string, string> = {}) => ({ ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra });
  const read = async <T>(res: Response): Promise<JsonResponse<T>> => {
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  return {
    get: async <T = any>(url: string) => read<T>(await fetch(baseUrl + url, { headers: headers() })),
    post: async <T = any>(url: string, body: unknown) =>
      read<T>(await fetch(baseUrl + url, { method: 'POST', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) })),
    put: async <T = any>(url: string, body: unknown) =>
      read<T>(await fetch(baseUrl + url, { method: 'PUT', headers: headers({ 'Content-Type': 'application/json' }), body: JSON.stringify(body) })),
    postForm: async <T = any>(url: string, form: FormData) => read<T>(await fetch(baseUrl + url, { method: 'POST', headers: headers(), body: form })),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Throws with the answer when the status is not the expected one. */
export function expectStatus<T>(res: JsonResponse<T>, expected: number, what: string): T {
  if (res.status !== expected) throw new Error(`${what}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const body = expectStatus(await apiClient(baseUrl).post<{ accessToken: string }>('/api/auth/login', { username, password }), 200, `login ${username}`);
  return body.accessToken;
}

export interface Distribution {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of a sample (p in 0…100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function distribution(samples: readonly number[], digits = 2): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Number(x.toFixed(digits));
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    mean: round(mean),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/**
 * Runs `task(i)` for i = 0…count-1 with `concurrency` workers, each taking the next index, and
 * stops taking new ones after `deadlineMs`. Returns how many ran and the wall time.
 */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
  deadlineMs = 300_000,
): Promise<{ completed: number; seconds: number; timedOut: boolean }> {
  let next = 0;
  let completed = 0;
  let timedOut = false;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      if (performance.now() - started > deadlineMs) {
        timedOut = next < count;
        return;
      }
      const i = next++;
      if (i >= count) return;
      await task(i);
      completed++;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return { completed, seconds: (performance.now() - started) / 1000, timedOut };
}

/** Times `task` sequentially `count` times (bounded by `deadlineMs`), in milliseconds each. */
export async function timeEach(count: number, task: (i: number) => Promise<void>, deadlineMs = 120_000): Promise<number[]> {
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count && performance.now() - started < deadlineMs; i++) {
    const t0 = performance.now();
    await task(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export interface MachineDescription {
  date: string;
  cores: number;
  cpuModel: string;
  cpuMHz: number;
  memoryGiB: number;
  platform: string;
  node: string;
  /**
   * 1-, 5- and 15-minute load averages when the run started: other work on the machine (tests,
   * builds) shares its cores with the benchmark, and absolute figures mean little above ~0.5.
   */
  loadAverage: number[];
}

export const loadAverage = () => os.loadavg().map((x) => round(x));

export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuMHz: cpus[0]?.speed ?? 0,
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAverage: loadAverage(),
  };
}

export const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** Progress to stderr, so stdout stays the JSON result. */
export const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

export { seededRandom };

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/src/main.js');

/** The built server as a child process of one role (issue 16), on a loopback port, up once its health answers. */
export interface BenchProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Resident memory in MiB, from /proc. */
  rssMiB(): number;
  /** SIGTERM, answered once it has exited. */
  stop(): Promise<unknown>;
}

export async function startBenchProcess(role: 'api' | 'worker' | 'all', databaseUrl: string, dataDir: string, env: Record<string, string> = {}): Promise<BenchProcess> {
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
  // BENCH_CHILD_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the server processes; NODE_OPTIONS refuses those flags.
  const nodeArgs = (process.env.BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, MAIN], {
    env: {
      ...process.env,
      PROCESS_ROLE: role,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      QA_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      DEMO_DATA: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Never left behind: should the bench die (its PostgreSQL with it), the process goes too.
  process.once('exit', () => child.kill('SIGKILL'));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; ;) {
    if (child.exitCode !== null) throw new Error(`the ${role} process exited with ${child.exitCode}`);
    if (
      await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) throw new Error(`the ${role} process did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    baseUrl,
    rssMiB: () => {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN);
      return Math.round((kb / 1024) * 10) / 10;
    },
    stop: () => new Promise((r) => (child.exitCode !== null ? r(null) : (child.once('exit', r), child.kill('SIGTERM')))),
  };
}

/** ISO 8601 in the centre's offset (+08:00), as a recorder would send it. */
export function isoAtPlus8(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().replace('Z', '+08:00');
}

/** The multipart body of `POST /api/recordings` a recorder sends: the WAV, its metadata and its transcript. */
export function recordingForm(wav: Uint8Array, metadata: { externalId: string }, segments: readonly unknown[]): FormData {
  const form = new FormData();
  form.append('audio', new Blob([wav], { type: 'audio/wav' }), `${metadata.externalId}.wav`);
  form.append('metadata', JSON.stringify(metadata));
  form.append('transcript', JSON.stringify({ language: 'zh-CN', segments }));
  return form;
}

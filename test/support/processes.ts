import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { waitFor } from './wait-for.js';

import type {} from './database.js'; // declares the provided `templateUrl`

const MAIN = path.resolve('dist/server/src/main.js');

/** An EMPTY database on the test PostgreSQL (not the migrated template): what a first start meets. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const templateUrl = new URL(inject('templateUrl'));
  const name = `e_${randomBytes(6).toString('hex')}`;
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = '/postgres';
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl.toString() });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name} TEMPLATE template0`);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  role: string;
  port: number;
  baseUrl: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once it has exited. */
  exited: Promise<number | null>;
  /** Waits until GET /api/health answers 200 (fails at once if the process exits). */
  healthy(timeoutMs?: number): Promise<void>;
}

/** The BUILT server (dist/server/src/main.js, `npm run build` first) as a child process with `env` added. */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, LOG_LEVEL: 'silent', DEMO_DATA: '0', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const role = env.PROCESS_ROLE ?? 'all';
  return {
    role,
    port,
    baseUrl,
    child,
    output: () => output,
    exited,
    healthy: async (timeoutMs = 90_000) => {
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`the ${role} process exited with ${child.exitCode}:\n${output}`);
          return fetch(`${baseUrl}/api/health`).then(
            (r) => r.ok,
            () => false,
          );
        },
        { timeoutMs, intervalMs: 200, what: () => `the ${role} process on ${port} to answer /api/health:\n${output}` },
      );
    },
  };
}

/** Stops a process (SIGTERM) and answers its exit code. */
export async function stopServer(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

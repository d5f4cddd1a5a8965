/**
 * Starting together on an OLDER database (issue 16): a centre upgrading runs the new build on the
 * database of the last release. Two `api` processes and a `worker` of the BUILT server start at once
 * on a database that holds an older schema with its data; the new migrations run exactly once, the
 * old rows stay and take the new columns' defaults, and no second admin is made. `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataSourceOptions } from '#server/database/data-source-options.js';
import { MIGRATIONS } from '#server/database/migrations.js';
import { createEmptyDatabase, type ServerProcess, spawnServer, stopServer } from '../support/processes.js';

const ADMIN_PASSWORD = 'admin-older-pass';
/** An older release: every migration but the last eight (examples, FAQ search, blind evaluations, calibration, retention, KPI schemes, grade tables, trainer). */
const OLD = MIGRATIONS.length - 8;
let db: Awaited<ReturnType<typeof createEmptyDatabase>>;
let dataDir: string;
let sql: pg.Client;
let processes: ServerProcess[] = [];

beforeAll(async () => {
  db = await createEmptyDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qa-older-'));
  const old = await new DataSource(dataSourceOptions(db.url, { migrations: MIGRATIONS.slice(0, OLD) })).initialize();
  await old.runMigrations();
  await old.destroy();
  sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  // The old release's data: a project (the old schema's columns only) and its first admin.
  await sql.query(`INSERT INTO projects (code, name) VALUES ('OLDP', '旧项目')`);
  const env = (role: string) => ({ DATABASE_URL: db.url, DATA_DIR: dataDir, QA_ADMIN_PASSWORD: ADMIN_PASSWORD, PROCESS_ROLE: role });
  processes = await Promise.all([spawnServer(env('api')), spawnServer(env('api')), spawnServer(env('worker'))]);
  await Promise.all(processes.map((p) => p.healthy()));
}, 240_000);

afterAll(async () => {
  await sql?.end().catch(() => undefined);
  await Promise.all(processes.map((p) => stopServer(p)));
  await db?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('three processes started together on an older database', () => {
  it('apply the new migrations exactly once, in order, after the old ones', async () => {
    expect(OLD).toBeGreaterThan(0);
    const { rows } = await sql.query<{ name: string; n: number; first: number }>(
      'SELECT name, count(*)::int AS n, min(id)::int AS first FROM migrations GROUP BY name ORDER BY first',
    );
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('keep the old rows, which take the new columns’ defaults, and make one admin', async () => {
    const login = await fetch(`${processes[0].baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const res = await fetch(`${processes[1].baseUrl}/api/projects`, { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { code: string; blindShare: number; disputeWindowDays: number }[] };
    const old = body.items.find((p) => p.code === 'OLDP');
    expect(old).toMatchObject({ code: 'OLDP', disputeWindowDays: 7 });
    expect(old!.blindShare).toBeCloseTo(0.1, 5);
    const admins = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE username = 'admin'`);
    expect(admins.rows[0].n).toBe(1);
  });
});

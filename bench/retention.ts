/**
 * Retention at scale (issue 16): what removing a month of old calls costs, and whether the searches
 * stay fast, on a real PostgreSQL with its default durability (fsync on) and the real application.
 *
 * `rows` recordings are bulk-inserted with SQL over `days` days ending yesterday (one project, 1,000
 * agents in 50 teams; rows in day order, as a table filled over time). Then, timed:
 * 1. The retention run itself (RetentionService.run, the daily job's code: candidates in batches of
 *    200, the audio deleted through the AudioStorage — local files that are not there, so this is the
 *    database's part and the storage calls' overhead — and each call marked): first one day due (the
 *    steady state: a day a day), then a month at once (a policy introduced late), then a run with
 *    nothing due (the idempotent re-run).
 * 2. Deleting the rows of the oldest month outright (batched DELETE by day, 10,000 rows a statement),
 *    then VACUUM: what "dropping old rows" costs without partitions.
 * 3. The same data in a table partitioned by month with the search indexes: DETACH + DROP of a month.
 * 4. The searches (HTTP, agent + day and customer number, as a supervisor) before, after the marking
 *    (dead tuples, no VACUUM), and after the delete and VACUUM; the same two queries in SQL on the
 *    plain and the partitioned table.
 * Index sizes: the partial index the run walks, the day btree, and a BRIN on the day for comparison.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { localDateOf } from '#shared/dates.js';
import { addDays } from '#shared/reports/periods.js';
import { RetentionService } from '#server/retention/retention.service.js';
import {
  apiClient,
  BENCH_ADMIN_PASSWORD,
  describeMachine,
  distribution,
  expectStatus,
  loadAverage,
  login,
  progress,
  round,
  seededRandom,
  startBenchApp,
  startBenchDatabase,
  timeEach,
  type Distribution,
  type MachineDescription,
} from './support.js';

export interface RetentionBenchOptions {
  rows?: number;
  days?: number;
  searchRequests?: number;
  seed?: number;
}

/** Targets: the daily run well inside a night, searches as issue 3's (p95 < 100 ms) throughout. */
export const TARGETS = { dailyRunSeconds: 60, searchP95Ms: 100 } as const;

const ORG_SQL = [
  `INSERT INTO projects (code, name) VALUES ('RP1', '保留基准项目')`,
  `INSERT INTO teams (code, name, "projectId") SELECT 'RT' || lpad(g::text, 3, '0'), '保留基准班组' || g, p.id FROM generate_series(1, 50) g, projects p WHERE p.code = 'RP1'`,
  `INSERT INTO agents ("employeeNo", name, "teamId", "hiredAt", grade)
     SELECT 'RA' || lpad(g::text, 5, '0'), '坐席' || g, t.id, DATE '2024-01-01', 'C'::agent_grade
       FROM generate_series(1, 1000) g JOIN teams t ON t.code = 'RT' || lpad((1 + (g - 1) % 50)::text, 3, '0')`,
  `CREATE TEMP TABLE bench_agents AS
     SELECT (row_number() OVER (ORDER BY a."employeeNo"))::int - 1 AS n, a.id, a."teamId", t."projectId"
       FROM agents a JOIN teams t ON t.id = a."teamId" WHERE a."employeeNo" LIKE 'RA%'`,
  `CREATE UNIQUE INDEX ON bench_agents (n)`,
];

function insertSql(from: number, to: number, total: number, firstDay: string, days: number): string {
  return `
    WITH s AS MATERIALIZED (
      SELECT i, floor(random() * 1000)::int AS agent,
             TIMESTAMPTZ '${firstDay} 08:00:00+08' + floor((i - 1)::float8 * ${days} / ${total}) * INTERVAL '1 day' + (random() * 43200) * INTERVAL '1 second' AS started,
             '13' || (5 + i % 5)::text || lpad(((floor(random() * 500000)::bigint * 104729) % 100000000)::text, 8, '0') AS customer,
             (20 + random() * 580)::real AS duration
        FROM generate_series(${from}, ${to}) i)
    INSERT INTO recordings ("externalId", "agentId", "teamId", "projectId", "startedAt", "localDate", direction, "customerNumber", "businessType",
                            channels, "durationSeconds", "audioFormat", "sampleRate", "channelCount", "audioKey", "audioBytes", "audioSha256", "hasTranscript")
    SELECT 'RET-' || s.i, a.id, a."teamId", a."projectId", s.started, (s.started AT TIME ZONE 'Asia/Shanghai')::date, 'inbound',
           s.customer, '话费查询', 'mono', s.duration, 'wav-pcm16', 8000, 1,
           to_char(s.started AT TIME ZONE 'Asia/Shanghai', 'YYYY/MM/DD/') || 'ret-' || s.i || '.wav', (s.duration * 16000)::int + 44,
           md5(s.i::text) || md5('x' || s.i), true
      FROM s JOIN bench_agents a ON a.n = s.agent`;
}

export interface RunTiming {
  due: string;
  seconds: number;
  removed: number;
  rowsPerSecond: number;
}

export interface RetentionBenchResult {
  machine: MachineDescription;
  loadAverage: number[];
  rows: number;
  days: number;
  rowsPerDay: number;
  loadSeconds: number;
  sizesMB: Record<string, number>;
  runs: RunTiming[];
  searches: Record<string, Record<string, Distribution>>;
  deleteMonth: { rows: number; seconds: number; rowsPerSecond: number; vacuumSeconds: number; tableMBBefore: number; tableMBAfter: number };
  partitioned: { copySeconds: number; dropMonth: { rows: number; seconds: number }; sql: Record<string, Record<string, Distribution>> };
  targets: typeof TARGETS;
  meetsTargets: boolean;
}

export async function runRetentionBench(options: RetentionBenchOptions = {}): Promise<RetentionBenchResult> {
  process.env.TZ ??= 'Asia/Shanghai'; // the centre's day, as main.ts sets it
  const rows = options.rows ?? 2_000_000;
  const days = options.days ?? 60;
  const requests = options.searchRequests ?? 200;
  const random = seededRandom(options.seed ?? 16);
  const db = await startBenchDatabase();
  // An api process: no schedules, so the daily job cannot run in the middle of the measurements.
  const app = await startBenchApp(db.url, path.join(db.dir, 'data'), { PROCESS_ROLE: 'api' });
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const mb = async (relation: string) => round(Number((await sql.query(`SELECT pg_total_relation_size($1::regclass) AS b`, [relation])).rows[0].b) / 1e6, 1);
  const seconds = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    return (performance.now() - t0) / 1000;
  };
  try {
    const today = localDateOf(new Date(), process.env.TZ);
    const firstDay = addDays(today, -days);
    progress(`retention: inserting ${rows.toLocaleString('en')} recordings over ${days} days from ${firstDay} …`);
    const loadSeconds = await seconds(async () => {
      for (const statement of ORG_SQL) await sql.query(statement);
      for (let from = 1; from <= rows; from += 100_000) await sql.query(insertSql(from, Math.min(rows, from + 99_999), rows, firstDay, days));
      await sql.query('VACUUM (ANALYZE) recordings');
    });
    await sql.query(`CREATE INDEX bench_recordings_day_brin ON recordings USING brin ("localDate")`);
    const sizesMB: Record<string, number> = {
      table: round(Number((await sql.query(`SELECT pg_table_size('recordings') AS b`)).rows[0].b) / 1e6, 1),
      IDX_recordings_audio_kept: await mb('"IDX_recordings_audio_kept"'),
      IDX_recordings_day: await mb('"IDX_recordings_day"'),
      bench_recordings_day_brin: await mb('bench_recordings_day_brin'),
    };
    await sql.query('DROP INDEX bench_recordings_day_brin');

    // Search inputs: agents, days, customer numbers of the second month (kept throughout).
    const agents = (await sql.query(`SELECT "employeeNo" FROM agents WHERE "employeeNo" LIKE 'RA%' ORDER BY 1`)).rows.map((r) => r.employeeNo as string);
    const agentIds = (await sql.query(`SELECT id FROM agents WHERE "employeeNo" LIKE 'RA%' ORDER BY "employeeNo"`)).rows.map((r) => r.id as string);
    const keptDays = Array.from({ length: days - 31 }, (_, d) => addDays(firstDay, 31 + d));
    const customers = (
      await sql.query(`SELECT "customerNumber" AS n FROM recordings TABLESAMPLE BERNOULLI (1) REPEATABLE (7) WHERE "localDate" >= $1 LIMIT $2`, [keptDays[0], requests])
    ).rows.map((r) => r.n as string);
    const pick = <T>(list: readonly T[]) => Array.from({ length: requests }, () => list[Math.floor(random() * list.length)]);
    const agentPicks = pick(agents.map((no, i) => ({ no, id: agentIds[i] })));
    const dayPicks = pick(keptDays);
    const admin = apiClient(app.baseUrl, await login(app.baseUrl, 'admin', BENCH_ADMIN_PASSWORD));
    const project = expectStatus(await admin.get<{ items: { id: string; code: string }[] }>('/api/projects'), 200, 'projects').items.find((p) => p.code === 'RP1')!;
    const search = async (): Promise<Record<string, Distribution>> => {
      const agentDay = await timeEach(requests, async (i) => {
        expectStatus(await admin.get(`/api/recordings?agent=${agentPicks[i].no}&from=${dayPicks[i]}&to=${dayPicks[i]}`), 200, 'agent + day');
      });
      const customer = await timeEach(requests, async (i) => {
        expectStatus(await admin.get(`/api/recordings?customerNumber=${customers[i % customers.length]}`), 200, 'customer number');
      });
      return { 'agent + day': distribution(agentDay), 'customer number': distribution(customer) };
    };
    const searches: RetentionBenchResult['searches'] = {};
    progress('retention: searches before …');
    await search(); // warm-up
    searches.before = await search();

    const retention = app.app.get(RetentionService);
    const setPolicy = async (audioDays: number) =>
      expectStatus(await admin.put(`/api/retention-policies/${project.id}`, { audioDays, evaluatedAudioDays: null }), 200, 'policy');
    const timedRun = async (due: string): Promise<RunTiming> => {
      progress(`retention: run (${due}) …`);
      let removed = 0;
      const s = await seconds(async () => {
        removed = (await retention.run('manual', null)).projects.find((p) => p.project === 'RP1')!.removed;
      });
      return { due, seconds: round(s, 2), removed, rowsPerSecond: Math.round(removed / s) };
    };
    const runs: RunTiming[] = [];
    await setPolicy(days - 1);
    runs.push(await timedRun('one day'));
    await setPolicy(days - 30);
    runs.push(await timedRun('a month (29 more days)'));
    runs.push(await timedRun('nothing (the re-run)'));
    progress('retention: searches after marking …');
    searches.afterMarking = await search();

    // 3. The same rows in a table partitioned by calendar month (before the plain table loses its oldest month).
    progress('retention: partitioned copy …');
    const months = [...new Set(Array.from({ length: days + 1 }, (_, d) => addDays(firstDay, d).slice(0, 7)))];
    const copySeconds = await seconds(async () => {
      await sql.query(`CREATE TABLE recordings_part (LIKE recordings INCLUDING DEFAULTS) PARTITION BY RANGE ("localDate")`);
      for (const month of months) {
        const next = addDays(`${month}-28`, 4).slice(0, 7);
        await sql.query(`CREATE TABLE "recordings_part_${month.replace('-', '_')}" PARTITION OF recordings_part FOR VALUES FROM ('${month}-01') TO ('${next}-01')`);
      }
      await sql.query(`CREATE INDEX ON recordings_part ("agentId", "localDate", "startedAt")`);
      await sql.query(`CREATE INDEX ON recordings_part ("customerNumber", "startedAt")`);
      await sql.query(`CREATE INDEX ON recordings_part ("localDate", "startedAt")`);
      await sql.query(`INSERT INTO recordings_part SELECT * FROM recordings`);
      await sql.query('VACUUM (ANALYZE) recordings_part');
    });
    const oldest = months[0].replace('-', '_');
    const inOldest = Number((await sql.query(`SELECT count(*) AS n FROM "recordings_part_${oldest}"`)).rows[0].n);
    const dropSeconds = await seconds(async () => {
      await sql.query(`ALTER TABLE recordings_part DETACH PARTITION "recordings_part_${oldest}"`);
      await sql.query(`DROP TABLE "recordings_part_${oldest}"`);
    });
    const sqlSearch = async (table: string) => {
      const agentDay = await timeEach(requests, async (i) => {
        await sql.query(`SELECT * FROM ${table} WHERE "agentId" = $1 AND "localDate" = $2 ORDER BY "startedAt" DESC LIMIT 20`, [agentPicks[i].id, dayPicks[i]]);
      });
      const customer = await timeEach(requests, async (i) => {
        await sql.query(`SELECT * FROM ${table} WHERE "customerNumber" = $1 ORDER BY "startedAt" DESC LIMIT 20`, [customers[i % customers.length]]);
      });
      return { 'agent + day': distribution(agentDay), 'customer number': distribution(customer) };
    };
    await sqlSearch('recordings');
    const partitionedSql = { plain: await sqlSearch('recordings'), partitioned: await sqlSearch('recordings_part') };

    // 2. Deleting the oldest month's rows outright, in batches, then VACUUM.
    const tableMBBefore = await mb('recordings');
    const cutoff = addDays(firstDay, 30);
    progress(`retention: deleting the rows before ${cutoff} …`);
    let deleted = 0;
    const deleteSeconds = await seconds(async () => {
      for (;;) {
        const res = await sql.query(`DELETE FROM recordings WHERE id IN (SELECT id FROM recordings WHERE "localDate" < $1 ORDER BY "localDate" LIMIT 10000)`, [cutoff]);
        deleted += res.rowCount ?? 0;
        if (!res.rowCount) break;
      }
    });
    const vacuumSeconds = await seconds(() => sql.query('VACUUM (ANALYZE) recordings'));
    const deleteMonth = {
      rows: deleted,
      seconds: round(deleteSeconds, 2),
      rowsPerSecond: Math.round(deleted / deleteSeconds),
      vacuumSeconds: round(vacuumSeconds, 2),
      tableMBBefore,
      tableMBAfter: await mb('recordings'),
    };
    progress('retention: searches after delete + VACUUM …');
    searches.afterDelete = await search();

    const p95s = Object.values(searches).flatMap((s) => Object.values(s).map((d) => d.p95));
    const daily = runs[0];
    return {
      machine: describeMachine(),
      loadAverage: loadAverage(),
      rows,
      days,
      rowsPerDay: Math.round(rows / days),
      loadSeconds: round(loadSeconds, 1),
      sizesMB,
      runs,
      searches,
      deleteMonth,
      partitioned: { copySeconds: round(copySeconds, 1), dropMonth: { rows: inOldest, seconds: round(dropSeconds, 3) }, sql: partitionedSql },
      targets: TARGETS,
      meetsTargets: daily.seconds < TARGETS.dailyRunSeconds && p95s.every((p) => p < TARGETS.searchP95Ms),
    };
  } finally {
    await sql.end().catch(() => undefined);
    await app.close().catch(() => undefined);
    await db.stop();
  }
}

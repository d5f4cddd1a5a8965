/**
 * The problems report (共性 / 个性, `GET /api/reports/problems`) over a year of a 1,000-agent centre:
 * about 1,000,000 submitted evaluations of the active checklist with every item's verdict, about
 * 5,000,000 failed items and as many defects, made with set-based SQL. Measured through HTTP for a
 * month and a year of one project. Target: p95 < 200 ms. Baselines in the same run: `GET /api/health`,
 * and the report's query before the running totals (every failed item of the period joined to its
 * evaluation), with both plans.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ReportsService } from '#server/reports/reports.service.js';
import {
  apiClient,
  BENCH_ADMIN_PASSWORD,
  describeMachine,
  distribution,
  expectStatus,
  loadAverage,
  login,
  progress,
  startBenchApp,
  startBenchDatabase,
  timeEach,
} from './support.js';

const TARGET_P95_MS = 200;
/** The year ends on the day before the benchmark's month ends: 2025-12-01 … 2026-11-30. */
const FIRST_DAY = '2025-12-01';
const DAYS = 365;
const TEAMS = 50;
const AGENTS_PER_TEAM = 20;
const INSPECTORS = 20;
const CHUNK = 50_000;

/** The evaluation numbered g (1…n): its call, agent, team and project follow from g alone, so no step joins. */
const agentNo = `(1 + (g::bigint * 7919) % ${TEAMS * AGENTS_PER_TEAM})::int`;
const teamNo = `(1 + (${agentNo} - 1) / ${AGENTS_PER_TEAM})`;
const projectNo = `(CASE WHEN ${teamNo} <= ${TEAMS / 2} THEN 1 ELSE 2 END)`;
const id = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;
const callDate = `(DATE '${FIRST_DAY}' + (g % ${DAYS}))`;
/** Item `pos` fails on evaluation g with a rate between 10 % and 57 % depending on the item (about a third on average). */
const fails = `((hashint4(g * 64 + it.pos) & 1023) < 100 + (it.pos * 137 % 9) * 60)`;

export async function runProblemsBench(options: { quick?: boolean } = {}) {
  const evaluations = options.quick ? 50_000 : 1_000_000;
  const repetitions = options.quick ? 30 : 100;
  const db = await startBenchDatabase({ fsyncOff: true });
  try {
    const app = await startBenchApp(db.url, `${db.dir}/data`, { JOB_WORKERS: '0' });
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const loadAtStart = loadAverage();
      const setupStarted = performance.now();
      const counts = await seedYear(sql, evaluations);
      const rebuildStarted = performance.now();
      await app.app.get(ReportsService).rebuildTotals();
      const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
      progress(`running totals rebuilt in ${rebuildSeconds.toFixed(1)} s; VACUUM ANALYZE`);
      await sql.query('VACUUM (ANALYZE)');
      const setupSeconds = (performance.now() - setupStarted) / 1000;
      const sizes = (
        await sql.query(
          `SELECT relname AS table, pg_size_pretty(pg_table_size(oid)) AS data, pg_size_pretty(pg_indexes_size(oid)) AS indexes,
                  (SELECT reltuples::bigint FROM pg_class c WHERE c.oid = t.oid) AS rows
             FROM pg_class t WHERE relname IN ('evaluations', 'evaluation_items', 'defects', 'recordings', 'problem_days', 'problem_months') ORDER BY relname`,
        )
      ).rows;

      const api = apiClient(app.baseUrl, await login(app.baseUrl, 'admin', BENCH_ADMIN_PASSWORD));
      const health = distribution(
        await timeEach(200, async () => {
          expectStatus(await api.get('/api/health'), 200, 'health');
        }),
      );
      const scenarios = [
        { name: 'month of one project', from: '2026-10-01', to: '2026-10-31', targeted: true },
        { name: 'year of one project', from: FIRST_DAY, to: '2026-11-30', targeted: true },
        { name: 'week of one project', from: '2026-11-16', to: '2026-11-22', targeted: false },
        { name: 'year from mid-month (11 whole months and 2 × ~15 days)', from: '2025-12-16', to: '2026-11-15', targeted: false },
      ];
      const results = [];
      for (const s of scenarios) {
        const url = `/api/reports/problems?project=P1&from=${s.from}&to=${s.to}`;
        for (let i = 0; i < 10; i++) expectStatus(await api.get(url), 200, s.name); // warm-up
        let teams = 0;
        let common = 0;
        let individual = 0;
        const samples = await timeEach(repetitions, async () => {
          const body = expectStatus(await api.get<{ teams: { common: unknown[]; individual: unknown[] }[] }>(url), 200, s.name);
          teams = body.teams.length;
          common = body.teams.reduce((n, t) => n + t.common.length, 0);
          individual = body.teams.reduce((n, t) => n + t.individual.length, 0);
        });
        const d = distribution(samples);
        results.push({ ...s, ...d, teams, commonProblems: common, individualProblems: individual, p50OverHealth: Number((d.p50 / health.p50).toFixed(1)) });
        progress(`${s.name}: p50 ${d.p50} ms, p95 ${d.p95} ms`);
      }

      // Baseline: the report's query before the running totals, and the plans of both.
      const project = (await sql.query(`SELECT id FROM projects WHERE code = 'P1'`)).rows[0].id as string;
      const before = (from: string, to: string) => ({
        text: `SELECT t.code AS team, a."employeeNo" AS agent, g.code, g.failures
                 FROM (SELECT e."teamId", e."agentId", i.code, count(i.code)::int AS failures
                         FROM evaluations e LEFT JOIN evaluation_items i ON i."evaluationId" = e.id AND i.verdict = 'fail'
                        WHERE e."projectId" = $1 AND e."callDate" >= $2 AND e."callDate" <= $3 AND e.status = 'submitted' AND e.source <> 'calibration'
                        GROUP BY e."teamId", i.code, e."agentId") g
                 JOIN teams t ON t.id = g."teamId" JOIN agents a ON a.id = g."agentId"`,
        values: [project, from, to],
      });
      const baseline = [];
      for (const s of scenarios.filter((x) => x.targeted)) {
        const q = before(s.from, s.to);
        await sql.query(q); // warm-up
        const samples = await timeEach(3, async () => {
          await sql.query(q);
        });
        const plan = (await sql.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, values: q.values })).rows.map((r) => r['QUERY PLAN']).join('\n');
        baseline.push({ name: s.name, ...distribution(samples), plan });
        progress(`before the totals, ${s.name}: p50 ${distribution(samples).p50} ms`);
      }
      const month = scenarios[0];
      const newPlan = async (from: string, to: string) => {
        const q = {
          text: `SELECT "teamId", "agentId", code, sum(n)::int FROM problem_months WHERE "projectId" = $1 AND month BETWEEN $2 AND $3 GROUP BY 1, 2, 3`,
          values: [project, from, to],
        };
        return (await sql.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, values: q.values })).rows.map((r) => r['QUERY PLAN']).join('\n');
      };
      const meetsTargets = results.filter((r) => r.targeted).every((r) => r.p95 < TARGET_P95_MS);
      return {
        date: new Date().toISOString(),
        machine: describeMachine(),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadAverage(),
        postgres: await settings(sql),
        data: { ...counts, setupSeconds: Math.round(setupSeconds), rebuildTotalsSeconds: Number(rebuildSeconds.toFixed(1)), sizes },
        baselineHealth: health,
        report: results,
        beforeTotals: baseline,
        plans: { monthNow: await newPlan(month.from, month.from), yearNow: await newPlan('2025-12-01', '2026-11-01') },
        targetP95Ms: TARGET_P95_MS,
        meetsTargets,
      };
    } finally {
      await sql.end();
      await app.close();
    }
  } finally {
    await db.stop();
  }
}

export async function settings(sql: pg.Client) {
  const rows = (
    await sql.query(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'work_mem', 'fsync', 'synchronous_commit', 'max_parallel_workers_per_gather', 'server_version')`,
    )
  ).rows;
  return Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]));
}

/**
 * Two projects of 25 teams of 20 agents, 20 inspectors, and `n` calls with one submitted evaluation
 * each over 365 days, every item of the active checklist scored, failed items with their defects.
 */
export async function seedYear(sql: pg.Client, n: number) {
  progress(`seeding ${n.toLocaleString('en')} evaluations over ${DAYS} days (set-based SQL, chunks of ${CHUNK.toLocaleString('en')})`);
  await sql.query(`INSERT INTO projects (id, code, name) VALUES (${id('p', '1')}, 'P1', '客服热线'), (${id('p', '2')}, 'P2', '电话营销')`);
  await sql.query(
    `INSERT INTO teams (id, code, name, "projectId") SELECT ${id('t', 'g')}, 'T' || g, '班组' || g, CASE WHEN g <= ${TEAMS / 2} THEN ${id('p', '1')} ELSE ${id('p', '2')} END
       FROM generate_series(1, ${TEAMS}) g`,
  );
  await sql.query(
    `INSERT INTO agents (id, "employeeNo", name, "teamId", "hiredAt", grade)
     SELECT ${id('a', 'g')}, 'A' || g, '座席' || g, ${id('t', `(1 + (g - 1) / ${AGENTS_PER_TEAM})`)}, DATE '2022-01-01', 'C'::agent_grade
       FROM generate_series(1, ${TEAMS * AGENTS_PER_TEAM}) g`,
  );
  await sql.query(
    `INSERT INTO users (id, username, "passwordHash", "displayName", roles) SELECT ${id('u', 'g')}, 'insp' || g, 'x', '质检' || g, '{inspector}' FROM generate_series(1, ${INSPECTORS}) g`,
  );
  await sql.query(`CREATE TEMP TABLE bench_items AS
    SELECT (row_number() OVER ())::int - 1 AS pos, it->>'code' AS code, (it->>'points')::real AS points, (it->>'critical')::boolean AS critical
      FROM checklist_versions v, jsonb_array_elements(v.sections) s, jsonb_array_elements(s->'items') it
     WHERE v.version = (SELECT max(version) FROM checklist_versions WHERE status = 'published')`);
  const items = (await sql.query(`SELECT count(*)::int AS n FROM bench_items`)).rows[0].n as number;
  const version = (await sql.query(`SELECT id FROM checklist_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1`)).rows[0].id as string;
  progress(`active checklist: ${items} items`);
  // Loading: foreign-key triggers off for this session (the rows are consistent by construction) and
  // the secondary indexes dropped, then built once at the end, as a bulk load would.
  await sql.query(`SET session_replication_role = replica`);
  const indexes = (
    await sql.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.tablename IN ('recordings', 'evaluations', 'evaluation_items', 'defects') AND i.schemaname = 'public'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    )
  ).rows as { indexname: string; indexdef: string }[];
  for (const i of indexes) await sql.query(`DROP INDEX "${i.indexname}"`);
  const started = performance.now();
  for (let lo = 1; lo <= n; lo += CHUNK) {
    const hi = Math.min(n, lo + CHUNK - 1);
    const range = `generate_series(${lo}, ${hi}) g`;
    await sql.query(
      `INSERT INTO recordings (id, "externalId", "agentId", "teamId", "projectId", "startedAt", "localDate", direction, "customerNumber", "businessType",
                               "durationSeconds", "audioFormat", "sampleRate", "channelCount", "audioKey", "audioBytes", "audioSha256", "hasTranscript")
       SELECT ${id('r', 'g')}, 'pb-' || g, ${id('a', agentNo)}, ${id('t', teamNo)}, ${id('p', projectNo)},
              ${callDate}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '8 hours' + (g % 36000) * interval '1 second', ${callDate}, 'inbound',
              '138' || lpad((g % 99999999)::text, 8, '0'), '话费查询', 20 + (g::bigint * 7919) % 600, 'wav-alaw', 8000, 1, 'bench/' || g || '.wav', 1, repeat('0', 64), true
         FROM ${range}`,
    );
    await sql.query(
      `INSERT INTO evaluations (id, "recordingId", "agentId", "teamId", "projectId", "callDate", "inspectorId", "checklistVersionId", source, status,
                                score, fatal, earned, possible, "submittedAt", "submittedDate")
       SELECT ${id('e', 'g')}, ${id('r', 'g')}, ${id('a', agentNo)}, ${id('t', teamNo)}, ${id('p', projectNo)}, ${callDate}, ${id('u', `(1 + g % ${INSPECTORS})`)},
              $1, 'daily', 'submitted', 70, false, 70, 100, ${callDate} + time '18:00', ${callDate}
         FROM ${range}`,
      [version],
    );
    await sql.query(
      `INSERT INTO evaluation_items ("evaluationId", code, position, points, critical, verdict, earned, comment, at)
       SELECT ${id('e', 'g')}, it.code, it.pos, it.points, it.critical, CASE WHEN ${fails} THEN 'fail' ELSE 'pass' END,
              CASE WHEN ${fails} THEN 0 ELSE it.points END, CASE WHEN ${fails} THEN '未按规范' END, CASE WHEN ${fails} THEN (g % 60)::real END
         FROM ${range} CROSS JOIN bench_items it`,
    );
    await sql.query(
      `INSERT INTO defects ("evaluationId", "recordingId", "agentId", "teamId", "projectId", code, critical, comment, at, "createdAt")
       SELECT ${id('e', 'g')}, ${id('r', 'g')}, ${id('a', agentNo)}, ${id('t', teamNo)}, ${id('p', projectNo)}, it.code, it.critical, '未按规范', (g % 60)::real,
              ${callDate} + time '18:00'
         FROM ${range} CROSS JOIN bench_items it WHERE ${fails}`,
    );
    const seconds = (performance.now() - started) / 1000;
    progress(`${hi.toLocaleString('en')} / ${n.toLocaleString('en')} evaluations with their calls, items and defects (${seconds.toFixed(0)} s)`);
  }
  progress(`building ${indexes.length} indexes`);
  for (const i of indexes) await sql.query(i.indexdef);
  await sql.query(`SET session_replication_role = origin`);
  progress(`indexes built (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const row = (
    await sql.query(
      `SELECT (SELECT count(*) FROM evaluations)::int AS evaluations, (SELECT count(*) FROM evaluation_items)::int AS items,
              (SELECT count(*) FROM defects)::int AS defects, (SELECT count(*) FROM evaluations WHERE "projectId" = ${id('p', '1')})::int AS "evaluationsOfP1"`,
    )
  ).rows[0];
  return { ...row, checklistItems: items, agents: TEAMS * AGENTS_PER_TEAM, teams: TEAMS, days: DAYS, seedSeconds: Math.round((performance.now() - started) / 1000) };
}

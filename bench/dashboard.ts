/**
 * The quality dashboard (issue 12) over a year of a 1,000-agent centre: the problems benchmark's
 * 1,000,000 submitted evaluations (`seedYear`), their roll-ups rebuilt once, and a year of machine
 * checks of 190,000 calls a day loaded straight into `auto_check_days` with SQL (70 M checked calls
 * are not stored as rows; the roll-up is what the dashboard reads). Then every dashboard query over
 * HTTP for a month and a year of one project (target p95 < 200 ms), and the cost of keeping the
 * roll-ups current on a submit: `POST /api/evaluations` with the roll-up writes, interleaved in the
 * same process with the same submit whose `recordDashboardTotals` is switched off (target: adds
 * < 5 ms at p95). Baseline for the queries: `GET /api/health` in the same run.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { TransactionRunner } from '#server/database/transaction.js';
import { ReportsRepository } from '#server/reports/reports.repository.js';
import { ReportsService } from '#server/reports/reports.service.js';
import { seedYear, settings } from './problems.js';
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
const TARGET_SUBMIT_ADDED_P95_MS = 5;
const FIRST_DAY = '2025-12-01';
const CALLS_PER_DAY = 190_000;
/** The day the timed submissions score calls of: a day of the seeded year, so the roll-ups they recompute are full ones. */
const SUBMIT_DAY = '2026-11-20';
/** The benchmark's inspector takes over this many of the day's seeded evaluations: a realistic day's work (1 M / 365 / 20). */
const INSPECTOR_DAY = 137;

export async function runDashboardBench(options: { quick?: boolean } = {}) {
  const evaluations = options.quick ? 50_000 : 1_000_000;
  const repetitions = options.quick ? 30 : 100;
  const submits = options.quick ? 40 : 200;
  const db = await startBenchDatabase({ fsyncOff: true });
  try {
    const app = await startBenchApp(db.url, `${db.dir}/data`, { JOB_WORKERS: '0' });
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const loadAtStart = loadAverage();
      const setupStarted = performance.now();
      const counts = await seedYear(sql, evaluations);
      const admin = apiClient(app.baseUrl, await login(app.baseUrl, 'admin', BENCH_ADMIN_PASSWORD));
      const submitSetup = await prepareSubmit(sql, admin, 2 * (submits + 20));
      const rebuildStarted = performance.now();
      await app.app.get(ReportsService).rebuildTotals();
      const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
      progress(`evaluation roll-ups rebuilt in ${rebuildSeconds.toFixed(1)} s; loading a year of machine checks into auto_check_days`);
      const machineRows = await seedMachineDays(sql);
      await sql.query('VACUUM (ANALYZE)');
      const setupSeconds = (performance.now() - setupStarted) / 1000;
      const sizes = (
        await sql.query(
          `SELECT relname AS table, pg_size_pretty(pg_table_size(oid)) AS data, pg_size_pretty(pg_indexes_size(oid)) AS indexes,
                  (SELECT reltuples::bigint FROM pg_class c WHERE c.oid = t.oid) AS rows
             FROM pg_class t WHERE relname IN ('evaluations', 'evaluation_items', 'score_agent_days', 'score_team_days', 'inspector_days', 'auto_check_days') ORDER BY relname`,
        )
      ).rows;

      const health = distribution(
        await timeEach(200, async () => {
          expectStatus(await admin.get('/api/health'), 200, 'health');
        }),
      );
      const month = 'from=2026-10-01&to=2026-10-31';
      const year = `from=${FIRST_DAY}&to=2026-11-30`;
      const scenarios = [
        { name: 'summary, month', url: `/api/reports/summary?project=P1&${month}` },
        { name: 'summary, year', url: `/api/reports/summary?project=P1&${year}` },
        { name: 'trend by day, month', url: `/api/reports/trend?project=P1&${month}&bucket=day` },
        { name: 'trend by week, year', url: `/api/reports/trend?project=P1&${year}&bucket=week` },
        { name: 'trend by month, year', url: `/api/reports/trend?project=P1&${year}&bucket=month` },
        { name: 'trend by day, year, one team', url: `/api/reports/trend?project=P1&${year}&bucket=day&team=T1` },
        { name: 'teams, month', url: `/api/reports/teams?project=P1&${month}` },
        { name: 'teams, year', url: `/api/reports/teams?project=P1&${year}` },
        { name: 'team agents, month', url: `/api/reports/team-agents?project=P1&team=T1&${month}` },
        { name: 'team agents, year', url: `/api/reports/team-agents?project=P1&team=T1&${year}` },
        { name: 'inspectors, month', url: `/api/reports/inspectors?project=P1&${month}` },
        { name: 'inspectors, year', url: `/api/reports/inspectors?project=P1&${year}` },
      ];
      const queries = [];
      for (const s of scenarios) {
        for (let i = 0; i < 10; i++) expectStatus(await admin.get(s.url), 200, s.name); // warm-up
        let bytes = 0;
        const samples = await timeEach(repetitions, async () => {
          bytes = JSON.stringify(expectStatus(await admin.get(s.url), 200, s.name)).length;
        });
        const d = distribution(samples);
        queries.push({ ...s, ...d, bytes, p50OverHealth: Number((d.p50 / health.p50).toFixed(1)) });
        progress(`${s.name}: p50 ${d.p50} ms, p95 ${d.p95} ms`);
      }
      const checked = expectStatus(await admin.get<{ evaluations: number; machine: { calls: number }[] }>(`/api/reports/summary?project=P1&${year}`), 200, 'summary');

      const submit = await benchSubmit(app, sql, submitSetup, submits);
      const meetsTargets = queries.every((q) => q.p95 < TARGET_P95_MS) && submit.addedP95Ms < TARGET_SUBMIT_ADDED_P95_MS;
      return {
        date: new Date().toISOString(),
        machine: describeMachine(),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadAverage(),
        postgres: await settings(sql),
        data: {
          ...counts,
          machineDayRows: machineRows,
          checkedCallsOfP1InYear: checked.machine[0]?.calls ?? 0,
          evaluationsOfP1InYear: checked.evaluations,
          setupSeconds: Math.round(setupSeconds),
          rebuildRollupsSeconds: Number(rebuildSeconds.toFixed(1)),
          sizes,
        },
        baselineHealth: health,
        queries,
        submit,
        targetP95Ms: TARGET_P95_MS,
        targetSubmitAddedP95Ms: TARGET_SUBMIT_ADDED_P95_MS,
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

/**
 * A year of machine verdicts as `auto_check_days` rows: 190,000 calls a day spread over the 50 teams,
 * each of the checklist's automatically checked rules with a verdict on every call, failing 2–20 %.
 */
async function seedMachineDays(sql: pg.Client): Promise<number> {
  const res = await sql.query(
    `INSERT INTO auto_check_days ("teamId", "callDate", code, "projectId", results, calls, failures)
     SELECT t.id, d::date, r.code, t."projectId", ${CALLS_PER_DAY} / 50, ${CALLS_PER_DAY} / 50 - (hashint4(r.n) & 255),
            ((${CALLS_PER_DAY} / 50) * (2 + (hashint4(r.n * 31 + extract(doy FROM d)::int) & 15)) / 100)
       FROM teams t
      CROSS JOIN generate_series(DATE '${FIRST_DAY}', DATE '${FIRST_DAY}' + 364, interval '1 day') d
      CROSS JOIN (SELECT row_number() OVER ()::int AS n, code FROM unnest(ARRAY['GREETING', 'CLOSING', 'COURTESY', 'CONFIRM', 'FORBIDDEN', 'INTERRUPT', 'SILENCE']) code) r`,
  );
  await sql.query(
    `INSERT INTO auto_check_months ("teamId", month, code, "projectId", results, calls, failures)
     SELECT "teamId", date_trunc('month', "callDate")::date, code, "projectId", sum(results), sum(calls), sum(failures) FROM auto_check_days GROUP BY 1, 2, 3, 4`,
  );
  return res.rowCount ?? 0;
}

/**
 * Submissions on calls of a full day of the seeded year by an inspector holding a day's work there,
 * alternately with the dashboard's roll-up writes and with `recordDashboardTotals` switched off (the
 * problems report's totals, defects and coaching item stay in both: they are not what is measured).
 */
async function prepareSubmit(sql: pg.Client, admin: ReturnType<typeof apiClient>, calls: number) {
  expectStatus(
    await admin.post('/api/users', { username: 'bench-inspector', password: 'bench-inspector-pass', displayName: '基准质检', roles: ['inspector'], projects: ['P1'] }),
    201,
    'inspector',
  );
  const inspectorId = (await sql.query(`SELECT id FROM users WHERE username = 'bench-inspector'`)).rows[0].id as string;
  await sql.query(
    `UPDATE evaluations SET "inspectorId" = $1 WHERE id IN (SELECT id FROM evaluations WHERE "callDate" = $2 AND "projectId" = (SELECT id FROM projects WHERE code = 'P1') LIMIT ${INSPECTOR_DAY})`,
    [inspectorId, SUBMIT_DAY],
  );
  await sql.query(
    `INSERT INTO recordings ("externalId", "agentId", "teamId", "projectId", "startedAt", "localDate", direction, "customerNumber", "businessType",
                             "durationSeconds", "audioFormat", "sampleRate", "channelCount", "audioKey", "audioBytes", "audioSha256", "hasTranscript")
     SELECT 'dash-sub-' || lpad(g::text, 6, '0'), a.id, a."teamId", t."projectId", TIMESTAMPTZ '${SUBMIT_DAY} 09:00:00+08' + g * interval '7 seconds', DATE '${SUBMIT_DAY}',
            'inbound', '1390000' || lpad(g::text, 4, '0'), '话费查询', 60 + g % 300, 'wav-alaw', 8000, 1, 'bench/sub-' || g || '.wav', 1, repeat('0', 64), false
       FROM generate_series(1, ${calls}) g
       JOIN agents a ON a."employeeNo" = 'A' || (1 + g % 500)
       JOIN teams t ON t.id = a."teamId"`,
  );
  return { inspectorId };
}

async function benchSubmit(app: Awaited<ReturnType<typeof startBenchApp>>, sql: pg.Client, setup: { inspectorId: string }, n: number) {
  const warmUp = 20;
  const { inspectorId } = setup;
  const recordings = (await sql.query(`SELECT id FROM recordings WHERE "externalId" LIKE 'dash-sub-%' ORDER BY "externalId"`)).rows.map((r) => r.id as string);
  const checklist = (
    await sql.query(
      `SELECT it->>'code' AS code FROM checklist_versions v, jsonb_array_elements(v.sections) s, jsonb_array_elements(s->'items') it
        WHERE v.version = (SELECT max(version) FROM checklist_versions WHERE status = 'published')`,
    )
  ).rows.map((r) => r.code as string);
  const failed = new Set(checklist.filter((_, i) => i % 5 === 1).slice(0, 3));
  const items = checklist.map((code) => (failed.has(code) ? { code, verdict: 'fail', comment: '未按规范执行', at: 12.5 } : { code, verdict: 'pass' }));
  const inspector = apiClient(app.baseUrl, await login(app.baseUrl, 'bench-inspector', 'bench-inspector-pass'));
  const repository = app.app.get(ReportsRepository);
  const withRollups = repository.recordDashboardTotals.bind(repository);
  const without = async () => {};
  let next = 0;
  const submitOne = async (rollups: boolean) => {
    repository.recordDashboardTotals = rollups ? withRollups : without;
    expectStatus(await inspector.post('/api/evaluations', { recordingId: recordings[next++], source: 'daily', items }), 201, 'submit');
  };
  try {
    for (let i = 0; i < warmUp; i++) await submitOne(i % 2 === 0);
    progress(`timing ${n} submissions with the dashboard roll-ups and ${n} without, interleaved`);
    const rolled: number[] = [];
    const plain: number[] = [];
    for (let i = 0; i < n; i++) {
      rolled.push(...(await timeEach(1, () => submitOne(true))));
      plain.push(...(await timeEach(1, () => submitOne(false))));
    }
    // The roll-up statements alone, in one transaction each, on evaluations already counted: what an
    // amendment costs (the inspector's day recomputed), not the append of a new submission.
    const ids = (
      await sql.query(`SELECT id, "agentId", to_char("callDate", 'YYYY-MM-DD') AS day FROM evaluations WHERE "inspectorId" = $1 AND "recordingId" = ANY($2) LIMIT 200`, [
        inspectorId,
        recordings,
      ])
    ).rows;
    const direct: number[] = [];
    const transaction = app.app.get(TransactionRunner);
    for (const row of ids) direct.push(...(await timeEach(1, () => transaction.run((tx) => withRollups(row.id, row.agentId, row.day, tx)))));
    const inspectorRows = (
      await sql.query(`SELECT sum(evaluations)::int AS n FROM inspector_days WHERE "inspectorId" = $1 AND "callDate" = $2`, [inspectorId, SUBMIT_DAY])
    ).rows[0].n;
    const withD = distribution(rolled);
    const withoutD = distribution(plain);
    const directD = distribution(direct);
    progress(`submit p95 with roll-ups ${withD.p95} ms, without ${withoutD.p95} ms; the roll-up statements alone, as on an amendment, p95 ${directD.p95} ms`);
    return {
      day: SUBMIT_DAY,
      inspectorEvaluationsThatDay: inspectorRows,
      withRollups: withD,
      baselineWithoutRollups: withoutD,
      rollupStatementsAloneAsAmendment: directD,
      addedP50Ms: Number((withD.p50 - withoutD.p50).toFixed(2)),
      addedP95Ms: Number((withD.p95 - withoutD.p95).toFixed(2)),
    };
  } finally {
    repository.recordDashboardTotals = withRollups;
  }
}

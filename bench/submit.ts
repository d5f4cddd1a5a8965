/**
 * Submitting an evaluation with its defects and coaching item: `POST /api/evaluations` over HTTP with
 * every item of the active checklist, three of them failed (with comment and moment), so that one
 * transaction writes the evaluation, its items, its history, three defects, the lead's coaching item
 * and the problems report's totals. Target: p95 < 50 ms. Baselines in the same run, interleaved with
 * it: the same submission with every item passed (no defect, no coaching item), and `GET /api/health`.
 * PostgreSQL with fsync and synchronous_commit on, as in use.
 */
import pg from 'pg';
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

const TARGET_P95_MS = 50;
const AGENTS = 200;
const DAY = '2026-11-27';

export async function runSubmitBench(options: { quick?: boolean } = {}) {
  const repetitions = options.quick ? 40 : 300;
  const warmUp = 30;
  const calls = 2 * (repetitions + warmUp);
  const db = await startBenchDatabase();
  try {
    const app = await startBenchApp(db.url, `${db.dir}/data`, { JOB_WORKERS: '0' });
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const loadAtStart = loadAverage();
      await seed(sql, calls);
      // A year of earlier evaluations is not needed: the submit touches one agent's day and month only.
      const recordings = (await sql.query(`SELECT id FROM recordings ORDER BY "externalId"`)).rows.map((r) => r.id as string);
      const checklist = (
        await sql.query(
          `SELECT it->>'code' AS code FROM checklist_versions v, jsonb_array_elements(v.sections) s, jsonb_array_elements(s->'items') it
            WHERE v.version = (SELECT max(version) FROM checklist_versions WHERE status = 'published')`,
        )
      ).rows.map((r) => r.code as string);
      const failed = new Set(checklist.filter((c, n) => n % 5 === 1).slice(0, 3));
      const items = (fail: boolean) =>
        checklist.map((code) => (fail && failed.has(code) ? { code, verdict: 'fail', comment: '未按规范执行，请班长辅导', at: 12.5 } : { code, verdict: 'pass' }));
      const api = apiClient(app.baseUrl, await login(app.baseUrl, 'admin', BENCH_ADMIN_PASSWORD));
      let next = 0;
      const submit = async (fail: boolean) => {
        const recordingId = recordings[next++];
        const body = expectStatus(await api.post('/api/evaluations', { recordingId, source: 'daily', items: items(fail) }), 201, 'submit');
        if (fail && !(body.score < 100)) throw new Error('the failing submission was not scored as failing');
      };
      for (let i = 0; i < warmUp; i++) await submit(i % 2 === 0);
      progress(`timing ${repetitions} submissions with failed items and ${repetitions} without, interleaved`);
      const withFailures: number[] = [];
      const clean: number[] = [];
      // Interleaved, so that both see the same load and the same table sizes.
      for (let i = 0; i < repetitions; i++) {
        withFailures.push(...(await timeEach(1, () => submit(true))));
        clean.push(...(await timeEach(1, () => submit(false))));
      }
      const health = distribution(
        await timeEach(200, async () => {
          expectStatus(await api.get('/api/health'), 200, 'health');
        }),
      );
      const written = (
        await sql.query(
          `SELECT (SELECT count(*) FROM evaluations WHERE status = 'submitted')::int AS evaluations, (SELECT count(*) FROM defects)::int AS defects,
                  (SELECT count(*) FROM coaching_items)::int AS "coachingItems", (SELECT count(*) FROM problem_days)::int AS "problemDays"`,
        )
      ).rows[0];
      const expectedItems = Math.ceil(warmUp / 2) + repetitions;
      if (written.coachingItems !== expectedItems || written.defects !== expectedItems * failed.size)
        throw new Error(`expected ${expectedItems} coaching items and ${expectedItems * failed.size} defects, found ${JSON.stringify(written)}`);
      const submitted = distribution(withFailures);
      const baseline = distribution(clean);
      return {
        date: new Date().toISOString(),
        machine: describeMachine(),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadAverage(),
        checklistItems: checklist.length,
        failedItems: [...failed],
        written,
        submitWithDefectsAndCoaching: submitted,
        baselineSubmitWithoutFailures: baseline,
        baselineHealth: health,
        p95OverBaseline: Number((submitted.p95 / baseline.p95).toFixed(2)),
        targetP95Ms: TARGET_P95_MS,
        meetsTargets: submitted.p95 < TARGET_P95_MS,
      };
    } finally {
      await sql.end();
      await app.close();
    }
  } finally {
    await db.stop();
  }
}

/** One project, 10 teams of 20 agents, and `calls` calls of one day, each to be scored once. */
async function seed(sql: pg.Client, calls: number) {
  await sql.query(`INSERT INTO projects (code, name) VALUES ('S', '客服热线')`);
  await sql.query(`INSERT INTO teams (code, name, "projectId") SELECT 'S-' || g, '班组' || g, (SELECT id FROM projects WHERE code = 'S') FROM generate_series(1, 10) g`);
  await sql.query(
    `INSERT INTO agents ("employeeNo", name, "teamId", "hiredAt", grade)
     SELECT 'S' || g, '座席' || g, (SELECT id FROM teams WHERE code = 'S-' || (1 + g % 10)), DATE '2022-01-01', 'C'::agent_grade FROM generate_series(1, ${AGENTS}) g`,
  );
  await sql.query(
    `INSERT INTO recordings ("externalId", "agentId", "teamId", "projectId", "startedAt", "localDate", direction, "customerNumber", "businessType",
                             "durationSeconds", "audioFormat", "sampleRate", "channelCount", "audioKey", "audioBytes", "audioSha256", "hasTranscript")
     SELECT 'sub-' || lpad(g::text, 6, '0'), a.id, a."teamId", t."projectId", TIMESTAMPTZ '${DAY} 09:00:00+08' + g * interval '10 seconds', DATE '${DAY}', 'inbound',
            '1380000' || lpad(g::text, 4, '0'), '话费查询', 120, 'wav-alaw', 8000, 1, 'bench/' || g || '.wav', 1, repeat('0', 64), true
       FROM generate_series(1, ${calls}) g
       JOIN agents a ON a."employeeNo" = 'S' || (1 + g % ${AGENTS})
       JOIN teams t ON t.id = a."teamId"`,
  );
  await sql.query('ANALYZE');
}

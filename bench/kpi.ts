/**
 * The quarterly grade review (`GET /api/kpi/grades`, issue 13) of a 1,000-agent project over a quarter:
 * 50 teams of 20 agents, every agent's operational figures for each of the quarter's 92 days (92,000
 * agent-days) and `evaluationsPerAgent` submitted evaluations of his calls of the quarter, made with
 * set-based SQL. Measured through HTTP. Target: p95 < 300 ms. Baselines in the same run: `GET /api/health`,
 * and the review's roll-up query alone (the repository called in the process, no HTTP, no mapping).
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { KpiRepository } from '#server/kpi/kpi.repository.js';
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

const TARGET_P95_MS = 300;
const TEAMS = 50;
const AGENTS_PER_TEAM = 20;
const AGENTS = TEAMS * AGENTS_PER_TEAM;
const FIRST_DAY = '2026-07-01';
const DAYS = 92;
const id = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;

export async function runKpiBench(options: { quick?: boolean } = {}) {
  const evaluationsPerAgent = options.quick ? 5 : 30;
  const repetitions = options.quick ? 20 : 100;
  const db = await startBenchDatabase({ fsyncOff: true });
  try {
    const app = await startBenchApp(db.url, `${db.dir}/data`, { JOB_WORKERS: '0' });
    const sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    try {
      const loadAtStart = loadAverage();
      const started = performance.now();
      const counts = await seedQuarter(sql, evaluationsPerAgent);
      await sql.query('VACUUM (ANALYZE)');
      const setupSeconds = (performance.now() - started) / 1000;
      const api = apiClient(app.baseUrl, await login(app.baseUrl, 'admin', BENCH_ADMIN_PASSWORD));
      const health = distribution(
        await timeEach(200, async () => {
          expectStatus(await api.get('/api/health'), 200, 'health');
        }),
      );
      const url = '/api/kpi/grades?quarter=2026-Q3&project=P1';
      for (let i = 0; i < 10; i++) expectStatus(await api.get(url), 200, 'review'); // warm-up
      let agents = 0;
      let eligible = 0;
      const samples = await timeEach(repetitions, async () => {
        const body = expectStatus(await api.get<{ items: { eligible: string | null }[] }>(url), 200, 'review');
        agents = body.items.length;
        eligible = body.items.filter((i) => i.eligible !== null).length;
      });
      const review = distribution(samples);
      const repo = app.app.get(KpiRepository);
      const projectId = (await sql.query(`SELECT id FROM projects WHERE code = 'P1'`)).rows[0].id as string;
      const query = distribution(
        await timeEach(repetitions, async () => {
          await repo.quarter({ projectId, teamIds: null, from: FIRST_DAY, to: '2026-09-30' });
        }),
      );
      progress(`the roll-up query alone: p50 ${query.p50} ms, p95 ${query.p95} ms`);
      progress(`review of ${agents} agents: p50 ${review.p50} ms, p95 ${review.p95} ms`);
      return {
        date: new Date().toISOString(),
        machine: describeMachine(),
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: loadAverage(),
        data: { ...counts, setupSeconds: Math.round(setupSeconds) },
        baselineHealth: health,
        review: { ...review, agents, eligible, p50OverHealth: Number((review.p50 / health.p50).toFixed(1)) },
        rollUpQueryAlone: query,
        targetP95Ms: TARGET_P95_MS,
        meetsTargets: agents === AGENTS && review.p95 < TARGET_P95_MS,
      };
    } finally {
      await sql.end();
      await app.close();
    }
  } finally {
    await db.stop();
  }
}

/** One project of 50 teams of 20 agents, an inspector, the quarter's figures of every agent-day and the evaluations of his calls. */
async function seedQuarter(sql: pg.Client, evaluationsPerAgent: number) {
  const n = AGENTS * evaluationsPerAgent;
  progress(`seeding ${AGENTS} agents, ${(AGENTS * DAYS).toLocaleString('en')} agent-days and ${n.toLocaleString('en')} evaluations`);
  await sql.query(`INSERT INTO projects (id, code, name) VALUES (${id('p', '1')}, 'P1', '电话营销')`);
  await sql.query(`INSERT INTO teams (id, code, name, "projectId") SELECT ${id('t', 'g')}, 'T' || g, '班组' || g, ${id('p', '1')} FROM generate_series(1, ${TEAMS}) g`);
  await sql.query(
    `INSERT INTO agents (id, "employeeNo", name, "teamId", "hiredAt", grade)
     SELECT ${id('a', 'g')}, 'A' || g, '座席' || g, ${id('t', `(1 + (g - 1) / ${AGENTS_PER_TEAM})`)}, DATE '2022-01-01', (ARRAY['intern','C','B','A'])[1 + g % 4]::agent_grade
       FROM generate_series(1, ${AGENTS}) g`,
  );
  await sql.query(`INSERT INTO users (id, username, "passwordHash", "displayName", roles) VALUES (${id('u', '1')}, 'insp1', 'x', '质检', '{inspector}')`);
  const version = (await sql.query(`SELECT id FROM checklist_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1`)).rows[0].id as string;
  // Figures that spread the agents over every grade: 10–19 calls an hour, 50–69 % successful.
  await sql.query(
    `INSERT INTO kpi_operational_days ("agentId", date, calls, hours, successes)
     SELECT ${id('a', 'a')}, DATE '${FIRST_DAY}' + d, 8 * (10 + a % 10), 8, (8 * (10 + a % 10) * (50 + (a * 7) % 20)) / 100
       FROM generate_series(1, ${AGENTS}) a CROSS JOIN generate_series(0, ${DAYS - 1}) d`,
  );
  const agent = `(1 + (g - 1) % ${AGENTS})`;
  const day = `(DATE '${FIRST_DAY}' + (g % ${DAYS}))`;
  await sql.query(`SET session_replication_role = replica`);
  await sql.query(
    `INSERT INTO recordings (id, "externalId", "agentId", "teamId", "projectId", "startedAt", "localDate", direction, "durationSeconds", "audioFormat",
                             "sampleRate", "channelCount", "audioKey", "audioBytes", "audioSha256", "hasTranscript")
     SELECT ${id('r', 'g')}, 'kb-' || g, ${id('a', agent)}, ${id('t', `(1 + (${agent} - 1) / ${AGENTS_PER_TEAM})`)}, ${id('p', '1')},
            ${day}::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours', ${day}, 'outbound', 120, 'wav-alaw', 8000, 1, 'bench/' || g || '.wav', 1, repeat('0', 64), false
       FROM generate_series(1, ${n}) g`,
  );
  await sql.query(
    `INSERT INTO evaluations (id, "recordingId", "agentId", "teamId", "projectId", "callDate", "inspectorId", "checklistVersionId", source, status,
                              score, fatal, earned, possible, "submittedAt", "submittedDate")
     SELECT ${id('e', 'g')}, ${id('r', 'g')}, ${id('a', agent)}, ${id('t', `(1 + (${agent} - 1) / ${AGENTS_PER_TEAM})`)}, ${id('p', '1')}, ${day}, ${id('u', '1')}, $1,
            CASE WHEN g % 50 = 0 THEN 'calibration' ELSE 'daily' END, 'submitted', 70 + (g * 7919) % 31, false, 70, 100, ${day} + time '18:00', ${day}
       FROM generate_series(1, ${n}) g`,
    [version],
  );
  await sql.query(`SET session_replication_role = origin`);
  const row = (await sql.query(`SELECT (SELECT count(*) FROM kpi_operational_days)::int AS "agentDays", (SELECT count(*) FROM evaluations)::int AS evaluations`)).rows[0];
  return { ...row, agents: AGENTS, teams: TEAMS, days: DAYS };
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '#shared/dates.js';
import { nextQuarter, quarterDates, quarterOf } from '#shared/kpi/grades.js';
import { builders } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let b: ReturnType<typeof builders>;

const Q = quarterOf(localDateOf(new Date(), 'Asia/Shanghai'));
const NEXT = nextQuarter(Q);
const LATER = nextQuarter(NEXT);

type Row = { grade: string; minKpiScore: number; minCph: number; minSuccessRate: number };
const TABLE: Row[] = [
  { grade: 'intern', minKpiScore: 60, minCph: 10, minSuccessRate: 0.5 },
  { grade: 'C', minKpiScore: 65, minCph: 12, minSuccessRate: 0.55 },
  { grade: 'B', minKpiScore: 70, minCph: 14, minSuccessRate: 0.6 },
  { grade: 'A', minKpiScore: 80, minCph: 16, minSuccessRate: 0.64 },
];
const setTable = (token: string, fromQuarter: string, grades: unknown[] = TABLE) => t.as(token).post('/api/kpi/grade-tables').send({ fromQuarter, grades });

let supervisor: { token: string; username: string };
let lead: { token: string };
let project: { code: string };
let team: { code: string };

beforeAll(async () => {
  t = await startTestApp();
  b = builders(t);
  project = await b.project();
  team = await b.team(project.code);
  [supervisor, lead] = await Promise.all([b.user({ roles: ['supervisor'], projects: [project.code] }), b.user({ roles: ['team_lead'], teams: [team.code] })]);
});
afterAll(() => t?.close());

describe('the grade table editor', () => {
  it('sets the table for a coming quarter only, never the current one; team leads read but do not edit', async () => {
    const current = await setTable(supervisor.token, Q);
    expect(current.status).toBe(400);
    expect(current.body.errors[0]).toMatchObject({ field: 'fromQuarter', code: 'notAllowed' });
    expect((await setTable(lead.token, NEXT)).status).toBe(403);
    expect((await t.as(lead.token).get('/api/kpi/grade-tables')).status).toBe(200);
  });

  it('keeps every version: a second table for the same quarter supersedes the first, which stays in the history', async () => {
    const first = await setTable(supervisor.token, LATER);
    expect(first.status).toBe(201);
    const second = await setTable(
      supervisor.token,
      LATER,
      TABLE.map((r) => ({ ...r, minCph: r.minCph + 1 })),
    );
    expect(second.status).toBe(201);
    expect(second.body.version).toBeGreaterThan(first.body.version);
    const list = (await t.as(supervisor.token).get('/api/kpi/grade-tables')).body.items as { version: number; fromQuarter: string | null }[];
    expect(list.map((g) => [g.version, g.fromQuarter])).toEqual([
      [second.body.version, LATER],
      [first.body.version, LATER],
      [0, null],
    ]);
    const review = await t.as(supervisor.token).get(`/api/kpi/grades?quarter=${LATER}&project=${project.code}`);
    expect(review.body.gradeTable).toMatchObject({ version: second.body.version, fromQuarter: LATER });
    expect((await t.as(supervisor.token).get(`/api/kpi/grades?quarter=${Q}&project=${project.code}`)).body.gradeTable.version).toBe(0);
  });

  it('reviews the quarter against the table in force for it, at its thresholds', async () => {
    // The next quarter's KPI score comes from one imported part alone, so that it can be set exactly.
    const draft = await t
      .as(supervisor.token)
      .post('/api/kpi/schemes')
      .send({ project: project.code, fromQuarter: NEXT, qaWeight: 0, parts: [{ code: 'score', name: '综合', weight: 100 }] });
    expect(draft.status).toBe(201);
    expect((await t.as(supervisor.token).post(`/api/kpi/schemes/${draft.body.id}/publish`)).status).toBe(200);
    expect((await setTable(supervisor.token, NEXT)).status).toBe(201);
    const day = quarterDates(NEXT)!.from;
    // [KPI score, calls in 8 hours, successes, the grade the edited table allows]
    const cases: [number, number, number, string | null][] = [
      [80, 128, 82, 'A'],
      [79.9, 128, 82, 'B'],
      [80, 127, 82, 'B'],
      [80, 128, 81, 'B'],
      [70, 120, 72, 'B'],
      [69.9, 120, 72, 'C'],
      [60, 80, 40, 'intern'],
      [59.9, 80, 40, null],
    ];
    const agents: string[] = [];
    for (const [score, calls, successes] of cases) {
      const agent = (await b.agent(team.code)).employeeNo;
      agents.push(agent);
      const ops = await t
        .as(supervisor.token)
        .put('/api/kpi/operational')
        .send({ rows: [{ agent, date: day, calls, hours: 8, successes }] });
      expect(ops.status).toBe(200);
      expect(
        (
          await t
            .as(supervisor.token)
            .put('/api/kpi/parts')
            .send({ rows: [{ agent, quarter: NEXT, part: 'score', value: score }] })
        ).status,
      ).toBe(200);
    }
    const review = await t.as(lead.token).get(`/api/kpi/grades?quarter=${NEXT}&project=${project.code}`);
    expect(review.status).toBe(200);
    expect(review.body.gradeTable.fromQuarter).toBe(NEXT);
    const got = agents.map((a) => (review.body.items as { agent: string; eligible: string | null }[]).find((i) => i.agent === a)!.eligible);
    expect(got).toEqual(cases.map((c) => c[3]));
  });
});

describe('a grade table that does not make sense: 400 naming the field, nothing stored', () => {
  const swap = (grade: string, key: keyof Row, value: unknown) => TABLE.map((r) => (r.grade === grade ? { ...r, [key]: value } : r));
  const cases: [string, unknown[], string][] = [
    ['B asks a lower KPI score than C', swap('B', 'minKpiScore', 64), 'grades.B.minKpiScore'],
    ['A asks a lower CPH than B', swap('A', 'minCph', 13), 'grades.A.minCph'],
    ['C asks a lower success rate than intern', swap('C', 'minSuccessRate', 0.4), 'grades.C.minSuccessRate'],
    ['a success rate written as a percentage', swap('A', 'minSuccessRate', 65), 'minSuccessRate'],
    ['a KPI score above 100', swap('A', 'minKpiScore', 101), 'minKpiScore'],
    ['a grade given twice, one missing', swap('A', 'grade', 'B'), 'grades'],
    ['three rows', TABLE.slice(1), 'grades'],
  ];
  it.each(cases)('%s', async (_title, grades, field) => {
    const quarter = nextQuarter(nextQuarter(LATER));
    const res = await setTable(supervisor.token, quarter, grades);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
    const list = (await t.as(supervisor.token).get('/api/kpi/grade-tables')).body.items as { fromQuarter: string | null }[];
    expect(list.some((g) => g.fromQuarter === quarter)).toBe(false);
  });
});

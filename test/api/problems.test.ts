import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let w: Awaited<ReturnType<typeof setUp>>;

/** A Friday; its week runs from Monday 2026-11-16 to Sunday 2026-11-22. */
const DAY = '2026-11-20';
const WEEK = { from: '2026-11-16', to: '2026-11-22' };
type Verdicts = Record<string, 'pass' | 'fail' | 'na'>;

/** A call of the agent at that local moment, scored and submitted by the inspector. */
async function scored(token: string, agent: string, verdicts: Verdicts = {}, over: { startedAt?: string; source?: string } = {}) {
  const recordingId = await recordingFor(t, agent, { startedAt: over.startedAt ?? `${DAY}T10:00:00+08:00` });
  const res = await t
    .as(token)
    .post('/api/evaluations')
    .send({ recordingId, source: over.source ?? 'daily', items: await allItems(t, verdicts) });
  if (res.status !== 201) throw new Error(`evaluation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

async function setUp() {
  const b = builders(t);
  const project = await b.project();
  const other = await b.project();
  const [team7, team6, team2, otherTeam] = await Promise.all([b.team(project.code), b.team(project.code), b.team(project.code), b.team(other.code)]);
  const agentsOf = (team: string, n: number) => Promise.all(Array.from({ length: n }, () => b.agent(team)));
  const [a7, a6, a2] = await Promise.all([agentsOf(team7.code, 7), agentsOf(team6.code, 6), agentsOf(team2.code, 2)]);
  const [inspector, lead6, lead7, supervisor, outsider, otherLead, faq] = await Promise.all([
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['team_lead'], teams: [team6.code] }),
    b.user({ roles: ['team_lead'], teams: [team7.code] }),
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    b.user({ roles: ['inspector'], projects: [other.code] }),
    b.user({ roles: ['team_lead'], teams: [otherTeam.code] }),
    b.user({ roles: ['faq_maintainer'] }),
  ]);
  const i = inspector.token;
  // Every agent has one clean evaluation on DAY: all 7, 6 and 2 are evaluated.
  await Promise.all([...a7, ...a6, ...a2].map((a) => scored(i, a.employeeNo)));
  // Team of 7: 2 agents fail GREETING (28.6 % < 30 %).
  await Promise.all([scored(i, a7[0].employeeNo, { GREETING: 'fail' }), scored(i, a7[1].employeeNo, { GREETING: 'fail' })]);
  // Team of 6: 2 agents fail GREETING (33 %), one of them twice: 3 failures.
  await Promise.all([
    scored(i, a6[0].employeeNo, { GREETING: 'fail' }),
    scored(i, a6[0].employeeNo, { GREETING: 'fail', B1: 'fail' }),
    scored(i, a6[1].employeeNo, { GREETING: 'fail' }),
    // Left out: a calibration evaluation, a call of the next week, a call of the day before the week.
    scored(i, a6[2].employeeNo, { B2: 'fail' }, { source: 'calibration' }),
    scored(i, a6[3].employeeNo, { B2: 'fail' }, { startedAt: '2026-11-23T09:00:00+08:00' }),
    scored(i, a6[4].employeeNo, { B2: 'fail' }, { startedAt: '2026-11-15T23:30:00+08:00' }),
    // In: 00:30 on the Monday in Shanghai is still Sunday in UTC.
    scored(i, a6[5].employeeNo, { B3: 'fail' }, { startedAt: '2026-11-16T00:30:00+08:00' }),
  ]);
  // Left out: a draft with a failed item.
  const recordingId = await recordingFor(t, a6[2].employeeNo);
  const draft = (await t.as(i).post('/api/evaluations/drafts').send({ recordingId, source: 'daily' }).expect(201)).body;
  await t
    .as(i)
    .put(`/api/evaluations/${draft.id}`)
    .send({ revision: draft.revision, items: await allItems(t, { B2: 'fail' }) })
    .expect(200);
  // Team of 2: 1 agent fails B1 (50 %, but a single agent).
  await scored(i, a2[0].employeeNo, { B1: 'fail' });
  return { project, other, team7, team6, team2, otherTeam, a7, a6, a2, inspector, lead6, lead7, supervisor, outsider, otherLead, faq };
}

beforeAll(async () => {
  t = await startTestApp();
  w = await setUp();
}, 120_000);
afterAll(() => t?.close());

const report = (token: string, q: Record<string, string>) => t.as(token).get('/api/reports/problems').query(q);
const weekOf = async (token: string, project = w.project.code) => {
  const res = await report(token, { project, ...WEEK });
  expect(res.status).toBe(200);
  return res.body as {
    teams: {
      team: string;
      evaluatedAgents: number;
      common: { code: string; agents: number; failures: number; plan?: unknown }[];
      individual: { agent: string; code: string; failures: number }[];
    }[];
  };
};
const teamOf = (body: Awaited<ReturnType<typeof weekOf>>, code: string) => body.teams.find((x) => x.team === code)!;

describe('GET /api/reports/problems', () => {
  it('answers the contract’s shape, one entry per team with evaluations', async () => {
    const body = await weekOf(t.adminToken);
    expect(Object.keys(body)).toEqual(['teams']);
    expect(body.teams.map((x) => x.team).sort()).toEqual([w.team7.code, w.team6.code, w.team2.code].sort());
    for (const team of body.teams) expect(Object.keys(team).sort()).toEqual(['common', 'evaluatedAgents', 'individual', 'team']);
    expect(teamOf(body, w.team6.code).common[0]).toEqual({ code: 'GREETING', agents: 2, failures: 3 });
  });

  it.each([
    [
      '2 agents of 7 (28.6 %) are individual problems',
      () => w.team7.code,
      7,
      [],
      () => [w.a7[0], w.a7[1]].map((a) => ({ agent: a.employeeNo, code: 'GREETING', failures: 1 })),
    ],
    [
      '2 agents of 6 (33 %) are a common problem',
      () => w.team6.code,
      6,
      [{ code: 'GREETING', agents: 2, failures: 3 }],
      () => expect.arrayContaining([{ agent: w.a6[0].employeeNo, code: 'B1', failures: 1 }]),
    ],
    ['1 agent of 2 (50 %) is an individual problem: one agent is not a team', () => w.team2.code, 2, [], () => [{ agent: w.a2[0].employeeNo, code: 'B1', failures: 1 }]],
  ])('%s', async (_title, team, evaluated, common, individual) => {
    const found = teamOf(await weekOf(t.adminToken), team());
    expect(found.evaluatedAgents).toBe(evaluated);
    expect(found.common).toEqual(common);
    const expected = individual();
    if (Array.isArray(expected))
      expect([...found.individual].sort((a, b) => a.agent.localeCompare(b.agent))).toEqual(expected.sort((a, b) => a.agent.localeCompare(b.agent)));
    else expect(found.individual).toEqual(expected);
  });

  it('leaves out calibration evaluations, drafts and calls outside the period by their local date', async () => {
    const team6 = teamOf(await weekOf(t.adminToken), w.team6.code);
    expect(team6.individual.filter((p) => p.code === 'B2')).toEqual([]);
    expect(team6.individual).toContainEqual({ agent: w.a6[5].employeeNo, code: 'B3', failures: 1 });
    expect(team6.individual).toHaveLength(2);
    // The Sunday before the week has its own call, and the next Monday its own.
    const sunday = teamOf((await report(t.adminToken, { project: w.project.code, from: '2026-11-15', to: '2026-11-15' }).expect(200)).body, w.team6.code);
    expect(sunday).toEqual({ team: w.team6.code, evaluatedAgents: 1, common: [], individual: [{ agent: w.a6[4].employeeNo, code: 'B2', failures: 1 }] });
    const monday = teamOf((await report(t.adminToken, { project: w.project.code, from: '2026-11-23', to: '2026-11-23' }).expect(200)).body, w.team6.code);
    expect(monday.individual).toEqual([{ agent: w.a6[3].employeeNo, code: 'B2', failures: 1 }]);
  });

  it('counts the same whether a period is read as whole months, as days or both, and follows an amendment without counting twice', async () => {
    const b = builders(t);
    const project = await b.project();
    const team = await b.team(project.code);
    const [x, y] = await Promise.all([b.agent(team.code), b.agent(team.code)]);
    const inspector = await b.user({ roles: ['inspector'], projects: [project.code] });
    const supervisor = await b.user({ roles: ['supervisor'], projects: [project.code] });
    const at = (day: string) => ({ startedAt: `${day}T10:00:00+08:00` });
    // X fails GREETING on the last day of October and twice in November (once on the 1st); Y is clean in September.
    const [, first] = await Promise.all([
      scored(inspector.token, x.employeeNo, { GREETING: 'fail' }, at('2026-10-31')),
      scored(inspector.token, x.employeeNo, { GREETING: 'fail', B1: 'fail' }, at('2026-11-01')),
      scored(inspector.token, x.employeeNo, { GREETING: 'fail' }, at('2026-11-20')),
      scored(inspector.token, y.employeeNo, {}, at('2026-09-30')),
    ]);
    const of = async (from: string, to: string) => {
      const body = (await report(supervisor.token, { project: project.code, from, to }).expect(200)).body as Awaited<ReturnType<typeof weekOf>>;
      return body.teams[0];
    };
    // Whole months only; days only; whole months with days at both ends.
    for (const [from, to] of [
      ['2026-09-01', '2026-11-30'],
      ['2026-09-30', '2026-11-20'],
      ['2026-09-15', '2026-12-10'],
    ]) {
      const found = await of(from, to);
      expect(found.evaluatedAgents).toBe(2);
      expect(found.individual).toEqual([
        { agent: x.employeeNo, code: 'GREETING', failures: 3 },
        { agent: x.employeeNo, code: 'B1', failures: 1 },
      ]);
    }
    expect((await of('2026-11-01', '2026-11-30')).individual).toEqual([
      { agent: x.employeeNo, code: 'GREETING', failures: 2 },
      { agent: x.employeeNo, code: 'B1', failures: 1 },
    ]);
    expect(await of('2026-10-01', '2026-10-31')).toEqual({
      team: team.code,
      evaluatedAgents: 1,
      common: [],
      individual: [{ agent: x.employeeNo, code: 'GREETING', failures: 1 }],
    });
    // An amendment passes GREETING on November 1st: the month and the year both lose one failure, and B1 stays once.
    const amend = (verdict: 'pass' | 'fail') =>
      t
        .as(supervisor.token)
        .post(`/api/evaluations/${first}/amend`)
        .send({ reason: '复核后改判问候', items: [{ code: 'GREETING', verdict }] })
        .expect(200);
    await amend('pass');
    expect((await of('2026-11-01', '2026-11-30')).individual).toEqual([
      { agent: x.employeeNo, code: 'B1', failures: 1 },
      { agent: x.employeeNo, code: 'GREETING', failures: 1 },
    ]);
    await amend('fail');
    expect((await of('2026-01-01', '2026-12-31')).individual).toEqual([
      { agent: x.employeeNo, code: 'GREETING', failures: 3 },
      { agent: x.employeeNo, code: 'B1', failures: 1 },
    ]);
  });

  it('gives a team lead his teams only, and inspectors and supervisors their projects', async () => {
    expect((await weekOf(w.lead6.token)).teams.map((x) => x.team)).toEqual([w.team6.code]);
    expect((await weekOf(w.inspector.token)).teams).toHaveLength(3);
    expect((await weekOf(w.supervisor.token)).teams).toHaveLength(3);
  });

  it.each([
    ['another project’s inspector', () => w.outsider.token, () => w.project.code, 403],
    ['another project’s team lead', () => w.otherLead.token, () => w.project.code, 403],
    ['an inspector naming an unknown project', () => w.inspector.token, () => 'NOPE', 403],
    ['a FAQ maintainer', () => w.faq.token, () => w.project.code, 403],
    ['an admin naming an unknown project', () => t.adminToken, () => 'NOPE', 400],
  ])('answers %s with %i', async (_title, token, project, status) => {
    expect((await report(token(), { project: project(), ...WEEK })).status).toBe(status);
  });

  it.each([
    ['no project', { from: WEEK.from, to: WEEK.to }, 'project'],
    ['no from', { project: 'P', to: WEEK.to }, 'from'],
    ['no to', { project: 'P', from: WEEK.from }, 'to'],
    ['a date that does not exist', { project: 'P', from: '2026-02-30', to: WEEK.to }, 'from'],
    ['a date written otherwise', { project: 'P', from: WEEK.from, to: '22/11/2026' }, 'to'],
    ['from after to', { project: 'P', from: WEEK.to, to: WEEK.from }, 'from'],
  ])('answers 400 naming the field for %s', async (_title, q, field) => {
    const res = await report(t.adminToken, { ...q, ...('project' in q ? { project: w.project.code } : {}) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('thresholds per project', () => {
  it('defaults to 2 agents and 30 %, and a supervisor changes them for his project', async () => {
    // A project of its own: 2 of 4 agents fail GREETING.
    const b = builders(t);
    const project = await b.project();
    const team = await b.team(project.code);
    const agents = await Promise.all(Array.from({ length: 4 }, () => b.agent(team.code)));
    const [inspector, supervisor, stranger] = await Promise.all([
      b.user({ roles: ['inspector'], projects: [project.code] }),
      b.user({ roles: ['supervisor'], projects: [project.code] }),
      b.user({ roles: ['supervisor'], projects: [w.project.code] }),
    ]);
    await Promise.all(agents.map((a, n) => scored(inspector.token, a.employeeNo, n < 2 ? { GREETING: 'fail' } : {})));
    const settings = () => t.as(inspector.token).get('/api/reports/problems/settings').query({ project: project.code });
    expect((await settings()).body).toEqual({ project: project.code, minAgents: 2, minShare: 0.3 });
    const common = async () => (await weekOf(inspector.token, project.code)).teams[0].common.map((c) => c.code);
    expect(await common()).toEqual(['GREETING']);

    const put = (token: string, body: object) =>
      t
        .as(token)
        .put('/api/reports/problems/settings')
        .send({ project: project.code, minAgents: 3, minShare: 0.3, ...body });
    expect((await put(inspector.token, {})).status).toBe(403);
    expect((await put(stranger.token, {})).status).toBe(403);
    for (const [body, field] of [
      [{ minShare: 1.5 }, 'minShare'],
      [{ minAgents: 0 }, 'minAgents'],
      [{ minAgents: 'two' }, 'minAgents'],
    ] as const) {
      const res = await put(supervisor.token, body);
      expect(res.status, field).toBe(400);
      expect(res.body.errors[0].field).toBe(field);
    }
    const res = await put(supervisor.token, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ project: project.code, minAgents: 3, minShare: 0.3 });
    expect((await settings()).body).toEqual({ project: project.code, minAgents: 3, minShare: 0.3 });
    expect(await common()).toEqual([]);
    // A share of 60 % with 2 agents: 2 of 4 is 50 %, still individual.
    await put(supervisor.token, { minAgents: 2, minShare: 0.6 }).expect(200);
    expect(await common()).toEqual([]);
    await put(supervisor.token, { minAgents: 2, minShare: 0.5 }).expect(200);
    expect(await common()).toEqual(['GREETING']);
  });
});

describe('PUT /api/reports/problems/plans', () => {
  const plan = (over: object = {}) => ({
    team: w.team6.code,
    code: 'GREETING',
    period: 'week',
    from: WEEK.from,
    text: '班前会演练开场白',
    owner: '王班长',
    due: '2026-11-30',
    ...over,
  });

  it('keeps the team lead’s plan with the common problem of that week, changed only from the revision read', async () => {
    const first = await t.as(w.lead6.token).put('/api/reports/problems/plans').send(plan());
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      team: w.team6.code,
      code: 'GREETING',
      period: 'week',
      from: WEEK.from,
      text: '班前会演练开场白',
      owner: '王班长',
      due: '2026-11-30',
      revision: 1,
      updatedBy: w.lead6.username,
    });
    const greeting = teamOf(await weekOf(w.inspector.token), w.team6.code).common[0];
    expect(greeting.plan).toMatchObject({ text: '班前会演练开场白', revision: 1 });
    // Not a whole week: no plan to show.
    const partial = (await report(w.inspector.token, { project: w.project.code, from: WEEK.from, to: '2026-11-21' }).expect(200)).body;
    expect(teamOf(partial, w.team6.code).common[0]).not.toHaveProperty('plan');

    const again = await t
      .as(w.lead6.token)
      .put('/api/reports/problems/plans')
      .send(plan({ text: '另一个' }));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STALE_REVISION');
    const second = await t
      .as(w.supervisor.token)
      .put('/api/reports/problems/plans')
      .send(plan({ text: '逐一辅导', revision: 1 }));
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ text: '逐一辅导', revision: 2, updatedBy: w.supervisor.username });
    expect(
      (
        await t
          .as(w.lead6.token)
          .put('/api/reports/problems/plans')
          .send(plan({ revision: 1 }))
      ).body.code,
    ).toBe('STALE_REVISION');
  });

  it.each([
    ['another team’s lead', () => w.lead7.token, 403],
    ['another project’s lead', () => w.otherLead.token, 403],
    ['an inspector', () => w.inspector.token, 403],
  ])('refuses %s', async (_title, token, status) => {
    expect(
      (
        await t
          .as(token())
          .put('/api/reports/problems/plans')
          .send(plan({ code: 'B9' }))
      ).status,
    ).toBe(status);
  });

  it.each([
    ['a week not starting on a Monday', { from: '2026-11-17' }, 'from'],
    ['a month not starting on the 1st', { period: 'month', from: '2026-11-16' }, 'from'],
    ['a period "year"', { period: 'year' }, 'period'],
    ['no text', { text: '' }, 'text'],
    ['no owner', { owner: undefined }, 'owner'],
    ['a bad due date', { due: '2026-13-01' }, 'due'],
    ['an unknown team', { team: 'NOPE' }, 'team'],
  ])('answers 400 naming the field for %s', async (_title, over, field) => {
    const res = await t
      .as(w.supervisor.token)
      .put('/api/reports/problems/plans')
      .send(plan({ code: 'B8', ...over }));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

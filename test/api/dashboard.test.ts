import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '#shared/rectification/failure-rate.js';
import { DEFAULT_FORBIDDEN_PHRASES } from '#shared/rules/defaults.js';
import { scoreInterval } from '#shared/sampling/confidence.js';
import { politeTranscript, toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { allItems } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

/**
 * The dashboard's figures (shared/src/api/dashboard.ts): GET /api/reports/trend, teams, team-agents
 * and inspectors, each against a hand-computed centre of a few calls, read from the daily roll-ups,
 * and each count equal to the total of GET /api/evaluations opened with the same filters.
 */

let t: TestApp;
type User = { username: string; token: string };
let w: {
  project: { code: string };
  other: { code: string; team: { code: string } };
  t1: { code: string };
  t2: { code: string };
  x: { employeeNo: string };
  y: { employeeNo: string };
  z: { employeeNo: string };
  i1: User;
  i2: User;
  lead: User;
  otherInspector: User;
  supervisor: User;
};

let seq = 0;
const rude = () => {
  const transcript = politeTranscript();
  transcript.segments[2] = { ...transcript.segments[2], text: `${DEFAULT_FORBIDDEN_PHRASES[0]}，谢谢` };
  return transcript;
};

/** A call of the agent starting at `startedAt` (with its offset), `seconds` long, its automatic checks done. */
async function call(agent: string, startedAt: string, seconds = 1, transcript = politeTranscript()): Promise<string> {
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(seconds), 'call.wav')
    .field('metadata', JSON.stringify({ externalId: `dash-${Date.now()}-${++seq}`, agent, startedAt, direction: 'inbound' }))
    .field('transcript', JSON.stringify(transcript));
  expect(res.status).toBe(201);
  await waitFor(async () => (await t.as(t.adminToken).get(`/api/recordings/${res.body.id}/auto-checks`)).body.results?.length > 0, {
    timeoutMs: 30_000,
    what: 'the automatic checks',
  });
  return res.body.id;
}

async function evaluate(token: string, recordingId: string, verdicts: Record<string, 'pass' | 'fail' | 'na'>, source = 'daily') {
  const res = await t
    .as(token)
    .post('/api/evaluations')
    .send({ recordingId, source, items: await allItems(t, verdicts) });
  expect(res.status).toBe(201);
  return res.body as { id: string; score: number; fatal: boolean };
}

/** The workspace's way: open a draft, save the verdicts, submit. */
async function evaluateInWorkspace(token: string, recordingId: string, verdicts: Record<string, 'pass' | 'fail' | 'na'>) {
  const draft = await t.as(token).post('/api/evaluations/drafts').send({ recordingId, source: 'daily' });
  expect(draft.status).toBe(201);
  const saved = await t
    .as(token)
    .put(`/api/evaluations/${draft.body.id}`)
    .send({ revision: draft.body.revision, items: await allItems(t, verdicts) });
  expect(saved.status).toBe(200);
  const submitted = await t.as(token).post(`/api/evaluations/${draft.body.id}/submit`).send({ revision: saved.body.revision });
  expect(submitted.status).toBe(200);
  return submitted.body as { id: string; score: number; fatal: boolean };
}

const get = (path: string, query: string, token = w.supervisor.token) => t.as(token).get(`/api/reports/${path}?${query}`);
const total = async (query: string, token = w.supervisor.token) => {
  const res = await t.as(token).get(`/api/evaluations?${query}&calibration=false&pageSize=1`);
  expect(res.status).toBe(200);
  return res.body.total as number;
};
const near = (actual: number | null, expected: number | null) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(0.1 + 1e-9);
};

// The fixture: week of Monday 2026-10-05 in project P, teams T1 (x, y) and T2 (z).
let s1: number; // the score of x's GREETING failure
let workspaceId: string;
let xSecond: string;
beforeAll(async () => {
  t = await startTestApp();
  const b = builders(t);
  const project = await b.project();
  const t1 = await b.team(project.code, { name: '一组' });
  const t2 = await b.team(project.code, { name: '二组' });
  const otherProject = await b.project();
  const otherTeam = await b.team(otherProject.code);
  const [x, y, z] = [await b.agent(t1.code), await b.agent(t1.code), await b.agent(t2.code)];
  const i1 = await b.user({ roles: ['inspector'], projects: [project.code] });
  const i2 = await b.user({ roles: ['inspector'], projects: [project.code] });
  const lead = await b.user({ roles: ['team_lead'], teams: [t1.code] });
  const otherInspector = await b.user({ roles: ['inspector'], projects: [otherProject.code] });
  const supervisor = await b.user({ roles: ['supervisor'] });
  w = { project, other: { code: otherProject.code, team: otherTeam }, t1, t2, x, y, z, i1, i2, lead, otherInspector, supervisor };

  // The last second of Monday and the first of Tuesday, Asia/Shanghai: two different call days.
  await evaluate(i1.token, await call(x.employeeNo, '2026-10-05T23:59:59+08:00', 1), {});
  xSecond = await call(x.employeeNo, '2026-10-06T00:00:00+08:00', 2);
  const second = await evaluateInWorkspace(i1.token, xSecond, { GREETING: 'fail' });
  s1 = second.score;
  workspaceId = second.id;
  const fatal = await evaluate(i1.token, await call(y.employeeNo, '2026-10-06T09:00:00+08:00', 3, rude()), { FORBIDDEN: 'fail' });
  expect(fatal.fatal).toBe(true);
  await evaluate(i2.token, await call(z.employeeNo, '2026-10-07T10:00:00+08:00', 4), {});
  await evaluate(i2.token, await call(z.employeeNo, '2026-10-07T11:00:00+08:00', 5), { GREETING: 'fail' }, 'calibration'); // never counted
  await call(z.employeeNo, '2026-10-12T10:00:00+08:00'); // the next week, not evaluated
  expect(s1).toBeGreaterThan(0);
  expect(s1).toBeLessThan(100);
});
afterAll(() => t?.close());

const P = () => `project=${w.project.code}`;
const WEEK = 'from=2026-10-05&to=2026-10-11';

describe('GET /api/reports/trend', () => {
  it('gives every day of the period, empty ones too, split at the centre’s midnight, with the Student-t and Wilson intervals', async () => {
    const res = await get('trend', `${P()}&${WEEK}&bucket=day`);
    expect(res.status).toBe(200);
    expect(res.body.bucket).toBe('day');
    expect(res.body.points.map((p: { from: string; to: string }) => [p.from, p.to])).toEqual(
      ['05', '06', '07', '08', '09', '10', '11'].map((d) => [`2026-10-${d}`, `2026-10-${d}`]),
    );
    const [mon, tue, wed, thu] = res.body.points;
    expect(mon).toMatchObject({ evaluations: 1, averageScore: 100, fatalRate: 0, scoreInterval: { low: null, high: null } });
    expect(tue.evaluations).toBe(2);
    expect(tue.averageScore).toBeCloseTo(s1 / 2, 6);
    expect(tue.fatalRate).toBeCloseTo(0.5, 6);
    const tueInterval = scoreInterval([s1, 0]);
    near(tue.scoreInterval.low, tueInterval.low);
    near(tue.scoreInterval.high, tueInterval.high);
    expect(tue.fatalInterval).toEqual({ low: wilsonInterval(1, 2).low, high: wilsonInterval(1, 2).high });
    expect(wed).toMatchObject({ evaluations: 1, averageScore: 100 });
    expect(thu).toEqual({
      from: '2026-10-08',
      to: '2026-10-08',
      evaluations: 0,
      averageScore: null,
      scoreInterval: { low: null, high: null },
      fatalRate: null,
      fatalInterval: { low: null, high: null },
    });
    // Drill-down: each day's count is the evaluations list's total for that day.
    for (const p of res.body.points) expect(await total(`${P()}&from=${p.from}&to=${p.to}`)).toBe(p.evaluations);
    expect(await total(`${P()}&from=2026-10-06&to=2026-10-06&fatal=true`)).toBe(1);
  });

  it('rolls up ISO weeks from Monday and calendar months, clipped to the period', async () => {
    const weeks = await get('trend', `${P()}&from=2026-10-01&to=2026-10-14&bucket=week`);
    expect(weeks.status).toBe(200);
    expect(weeks.body.points.map((p: { from: string; to: string; evaluations: number }) => [p.from, p.to, p.evaluations])).toEqual([
      ['2026-10-01', '2026-10-04', 0],
      ['2026-10-05', '2026-10-11', 4],
      ['2026-10-12', '2026-10-14', 0],
    ]);
    const week = weeks.body.points[1];
    expect(week.averageScore).toBeCloseTo((100 + s1 + 0 + 100) / 4, 6);
    const expected = scoreInterval([100, s1, 0, 100]);
    near(week.scoreInterval.low, expected.low);
    near(week.scoreInterval.high, expected.high);
    expect(week.fatalInterval).toEqual({ low: wilsonInterval(1, 4).low, high: wilsonInterval(1, 4).high });

    const months = await get('trend', `${P()}&from=2026-09-20&to=2026-10-31&bucket=month`);
    expect(months.body.points.map((p: { from: string; to: string; evaluations: number }) => [p.from, p.to, p.evaluations])).toEqual([
      ['2026-09-20', '2026-09-30', 0],
      ['2026-10-01', '2026-10-31', 4],
    ]);
  });

  it('limits a team lead to his teams, and a team to its own figures', async () => {
    const lead = await get('trend', `${P()}&${WEEK}&bucket=week`, w.lead.token);
    expect(lead.status).toBe(200);
    expect(lead.body.points[0].evaluations).toBe(3);
    const t2 = await get('trend', `${P()}&${WEEK}&bucket=week&team=${w.t2.code}`);
    expect(t2.body.points[0]).toMatchObject({ evaluations: 1, averageScore: 100 });
    expect(await total(`${P()}&${WEEK}&team=${w.t2.code}`)).toBe(1);
    expect((await get('trend', `${P()}&${WEEK}&bucket=week&team=${w.t2.code}`, w.lead.token)).status).toBe(403);
    expect((await get('trend', `${P()}&${WEEK}&bucket=week`, w.otherInspector.token)).status).toBe(403);
  });
});

describe('GET /api/reports/teams', () => {
  it('puts the teams side by side, worst average first, with coaching items and notices open now', async () => {
    const notice = await t
      .as(w.i1.token)
      .post('/api/rectification-notices')
      .send({ team: w.t1.code, codes: ['GREETING'], actions: '全组复训开头问候语', deadline: '2027-01-31' });
    expect(notice.status).toBe(201);
    const res = await get('teams', `${P()}&${WEEK}`);
    expect(res.status).toBe(200);
    const [first, second] = res.body.teams;
    expect(first).toMatchObject({ team: w.t1.code, name: '一组', evaluations: 3, openCoachingItems: 2, openNotices: 1 });
    expect(first.averageScore).toBeCloseTo((100 + s1 + 0) / 3, 6);
    expect(first.fatalRate).toBeCloseTo(1 / 3, 6);
    const interval = scoreInterval([100, s1, 0]);
    near(first.scoreInterval.low, interval.low);
    near(first.scoreInterval.high, interval.high);
    expect(second).toMatchObject({ team: w.t2.code, evaluations: 1, averageScore: 100, fatalRate: 0, openCoachingItems: 0, openNotices: 0 });
    expect(await total(`${P()}&${WEEK}&team=${w.t1.code}`)).toBe(3);
    expect(await total(`${P()}&${WEEK}&team=${w.t1.code}&fatal=true`)).toBe(1);

    const lead = await get('teams', `${P()}&${WEEK}`, w.lead.token);
    expect(lead.body.teams.map((r: { team: string }) => r.team)).toEqual([w.t1.code]);
  });
});

describe('GET /api/reports/team-agents', () => {
  it('ranks the team’s evaluated agents, lowest average first, with their intervals, fatal ones and failed items', async () => {
    const res = await get('team-agents', `${P()}&${WEEK}&team=${w.t1.code}`, w.lead.token);
    expect(res.status).toBe(200);
    expect(res.body.team).toBe(w.t1.code);
    const [y, x] = res.body.agents;
    expect(y).toMatchObject({ agent: w.y.employeeNo, evaluations: 1, averageScore: 0, fatal: 1, failures: 1, scoreInterval: { low: null, high: null } });
    expect(x).toMatchObject({ agent: w.x.employeeNo, evaluations: 2, fatal: 0, failures: 1 });
    expect(x.averageScore).toBeCloseTo((100 + s1) / 2, 6);
    const interval = scoreInterval([100, s1]);
    near(x.scoreInterval.low, interval.low);
    near(x.scoreInterval.high, interval.high);
    for (const a of res.body.agents) expect(await total(`${P()}&${WEEK}&agent=${a.agent}`, w.lead.token)).toBe(a.evaluations);
  });

  it('refuses another team’s lead and a team of another project', async () => {
    expect((await get('team-agents', `${P()}&${WEEK}&team=${w.t2.code}`, w.lead.token)).status).toBe(403);
    const res = await get('team-agents', `${P()}&${WEEK}&team=${w.other.team.code}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('team');
  });
});

describe('GET /api/reports/inspectors', () => {
  it('gives each inspector’s pace, median times, mean, spread, deviation from the others and amendments received', async () => {
    const ds = t.app.get(DataSource);
    const [{ seconds }] = await ds.query(`SELECT extract(epoch FROM "submittedAt" - "createdAt")::float8 AS seconds FROM evaluations WHERE id = $1`, [workspaceId]);
    const res = await get('inspectors', `${P()}&${WEEK}`);
    expect(res.status).toBe(200);
    const by = Object.fromEntries(res.body.inspectors.map((i: { inspector: string }) => [i.inspector, i]));
    const one = by[w.i1.username];
    const two = by[w.i2.username];
    const mean1 = (100 + s1 + 0) / 3;
    expect(one).toMatchObject({ evaluations: 3, perDay: 3, amendments: 0 });
    expect(one.medianSeconds).toBeCloseTo(seconds, 3); // only the workspace evaluation has a draft
    expect(one.medianCallSeconds).toBeCloseTo(2, 1); // calls of 1, 2 and 3 seconds
    expect(one.averageScore).toBeCloseTo(mean1, 6);
    const sd = Math.sqrt(((100 - mean1) ** 2 + (s1 - mean1) ** 2 + (0 - mean1) ** 2) / 2);
    expect(one.scoreSpread).toBeCloseTo(sd, 6);
    expect(one.deviation).toBeCloseTo(mean1 - 100, 6);
    expect(two).toMatchObject({ evaluations: 1, perDay: 1, medianSeconds: null, averageScore: 100, scoreSpread: null, amendments: 0 });
    expect(two.medianCallSeconds).toBeCloseTo(4, 1); // the calibration call of 5 s is left out
    expect(two.deviation).toBeCloseTo(100 - mean1, 6);
    expect(await total(`${P()}&${WEEK}&inspector=${w.i1.username}`)).toBe(3);
    expect(await total(`${P()}&${WEEK}&inspector=${w.i2.username}`)).toBe(1);
    // The list's own filters: calibration ones appear unless left out, fatal=false keeps the others.
    const list = async (query: string) => (await t.as(w.supervisor.token).get(`/api/evaluations?${P()}&${WEEK}&${query}`)).body.total;
    expect(await list(`inspector=${w.i2.username}`)).toBe(2);
    expect(await list(`inspector=${w.i2.username}&calibration=true`)).toBe(1);
    expect(await list(`inspector=${w.i1.username}&calibration=false&fatal=false`)).toBe(2);
    expect(await list(`inspector=${w.i1.username.toUpperCase()}&calibration=false`)).toBe(3);
    expect(await list(`inspector=nobody-${seq}`)).toBe(0);
  });

  it('is for supervisors and admins only', async () => {
    expect((await get('inspectors', `${P()}&${WEEK}`, w.i1.token)).status).toBe(403);
    expect((await get('inspectors', `${P()}&${WEEK}`, w.lead.token)).status).toBe(403);
    expect((await get('inspectors', `${P()}&${WEEK}`, t.adminToken)).status).toBe(200);
  });
});

describe('keeping the roll-ups current', () => {
  it('follows an amendment: the day, team, agent and inspector are recomputed and nothing is counted twice', async () => {
    const amended = await t
      .as(w.supervisor.token)
      .post(`/api/evaluations/${workspaceId}/amend`)
      .send({ reason: '复核后改判问候', items: [{ code: 'GREETING', verdict: 'pass' }] });
    expect(amended.status).toBe(200);
    const tue = (await get('trend', `${P()}&from=2026-10-06&to=2026-10-06&bucket=day`)).body.points[0];
    expect(tue.evaluations).toBe(2);
    expect(tue.averageScore).toBeCloseTo(50, 6);
    const summary = (await get('summary', `${P()}&${WEEK}`)).body;
    expect(summary.evaluations).toBe(4);
    // Read from the monthly roll-ups (October whole) and from days plus months: the same evaluations
    // (October has more checked calls than the week, so the machine's figures are left aside).
    const people = (b: { machine?: unknown }) => ({ ...b, machine: undefined });
    expect(people((await get('summary', `${P()}&from=2026-10-01&to=2026-10-31`)).body)).toEqual(people(summary));
    expect(people((await get('summary', `${P()}&from=2026-09-20&to=2026-10-31`)).body)).toEqual(people(summary));
    expect(summary.items.find((i: { code: string }) => i.code === 'GREETING')).toEqual({ code: 'GREETING', evaluated: 4, failures: 0 });
    const x = (await get('team-agents', `${P()}&${WEEK}&team=${w.t1.code}`)).body.agents.find((a: { agent: string }) => a.agent === w.x.employeeNo);
    expect(x).toMatchObject({ evaluations: 2, averageScore: 100, failures: 0 });
    const t1 = (await get('teams', `${P()}&${WEEK}`)).body.teams.find((r: { team: string }) => r.team === w.t1.code);
    expect(t1).toMatchObject({ evaluations: 3, openCoachingItems: 1 });
    const one = (await get('inspectors', `${P()}&${WEEK}`)).body.inspectors.find((i: { inspector: string }) => i.inspector === w.i1.username);
    expect(one).toMatchObject({ evaluations: 3, amendments: 1 });
    expect(await total(`${P()}&${WEEK}&inspector=${w.i1.username}&amended=true`)).toBe(1);

    // Amended back: the failure returns once.
    await t
      .as(w.supervisor.token)
      .post(`/api/evaluations/${workspaceId}/amend`)
      .send({ reason: '再次复核后改回问候不合格', items: [{ code: 'GREETING', verdict: 'fail' }] })
      .expect(200);
    const again = (await get('summary', `${P()}&${WEEK}`)).body;
    expect(again.evaluations).toBe(4);
    expect(people((await get('summary', `${P()}&from=2026-10-01&to=2026-10-31`)).body)).toEqual(people(again));
    expect(again.items.find((i: { code: string }) => i.code === 'GREETING')).toEqual({ code: 'GREETING', evaluated: 4, failures: 1 });
    expect(await total(`${P()}&${WEEK}&code=GREETING`)).toBe(1);
    const one2 = (await get('inspectors', `${P()}&${WEEK}`)).body.inspectors.find((i: { inspector: string }) => i.inspector === w.i1.username);
    expect(one2).toMatchObject({ evaluations: 3, amendments: 1 });
  });

  it('replaces a call’s machine verdicts on a re-check instead of counting the call again', async () => {
    const b = builders(t);
    const team = await b.team(w.project.code);
    const agent = await b.agent(team.code);
    const id = await call(agent.employeeNo, '2026-10-20T10:00:00+08:00');
    const q = `${P()}&from=2026-10-20&to=2026-10-20&team=${team.code}`;
    const rule = async (code: string) => (await get('summary', q)).body.machine.find((m: { code: string }) => m.code === code);
    expect(await rule('FORBIDDEN')).toEqual({ code: 'FORBIDDEN', calls: 1, failures: 0 });
    await t.as(t.adminToken).put(`/api/recordings/${id}/transcript`).send(rude()).expect(200);
    await waitFor(async () => (await rule('FORBIDDEN'))?.failures === 1, { timeoutMs: 30_000, what: 'the re-check' });
    expect(await rule('FORBIDDEN')).toEqual({ code: 'FORBIDDEN', calls: 1, failures: 1 });
    const month = (await get('summary', `${P()}&from=2026-10-01&to=2026-10-31&team=${team.code}`)).body.machine;
    expect(month.find((m: { code: string }) => m.code === 'FORBIDDEN')).toEqual({ code: 'FORBIDDEN', calls: 1, failures: 1 });
    expect(await rule('GREETING')).toMatchObject({ calls: 1 });
  });
});

describe('every project in scope (project=*)', () => {
  const ALL = 'project=*';
  beforeAll(async () => {
    // One evaluation in the other project, the same week: in the centre's figures, not in P's.
    const agent = await builders(t).agent(w.other.team.code);
    await evaluate(w.otherInspector.token, await call(agent.employeeNo, '2026-10-08T10:00:00+08:00', 6), { GREETING: 'fail' });
  });

  it('adds the projects up for a supervisor, as the evaluations list without a project counts them', async () => {
    const [all, p, other] = await Promise.all([get('summary', `${ALL}&${WEEK}`), get('summary', `${P()}&${WEEK}`), get('summary', `project=${w.other.code}&${WEEK}`)]);
    expect(all.status).toBe(200);
    expect(other.body.evaluations).toBe(1);
    expect(all.body.evaluations).toBe(p.body.evaluations + 1);
    expect(all.body.evaluations).toBe(await total(WEEK));
    const greeting = (body: { items: { code: string; failures: number }[] }) => body.items.find((i) => i.code === 'GREETING')?.failures ?? 0;
    expect(greeting(all.body)).toBe(greeting(p.body) + 1);
    const trend = await get('trend', `${ALL}&${WEEK}&bucket=week`);
    expect(trend.body.points[0].evaluations).toBe(all.body.evaluations);
    const teams = await get('teams', `${ALL}&${WEEK}`);
    expect(teams.body.teams.map((x: { team: string }) => x.team)).toEqual(expect.arrayContaining([w.t1.code, w.t2.code, w.other.team.code]));
    const agents = await get('team-agents', `${ALL}&${WEEK}&team=${w.other.team.code}`);
    expect(agents.status).toBe(200);
    expect(agents.body.agents).toHaveLength(1);
    const inspectors = await get('inspectors', `${ALL}&${WEEK}`);
    expect(inspectors.body.inspectors.map((x: { inspector: string }) => x.inspector)).toEqual(
      expect.arrayContaining([w.i1.username, w.i2.username, w.otherInspector.username]),
    );
    const consistency = await get('inspector-consistency', `${ALL}&${WEEK}&inspector=${w.otherInspector.username}`);
    expect(consistency.status).toBe(200);
    expect(consistency.body.totals.evaluations).toBe(1);
  });

  it('stays within the caller’s scope: a team lead’s teams, an inspector’s projects', async () => {
    const [leadAll, leadP] = await Promise.all([get('summary', `${ALL}&${WEEK}`, w.lead.token), get('summary', `${P()}&${WEEK}`, w.lead.token)]);
    expect(leadAll.status).toBe(200);
    expect(leadAll.body).toEqual(leadP.body);
    const mine = await get('summary', `${ALL}&${WEEK}`, w.otherInspector.token);
    expect(mine.body.evaluations).toBe(1);
    const teams = await get('teams', `${ALL}&${WEEK}`, w.otherInspector.token);
    expect(teams.body.teams.map((x: { team: string }) => x.team)).toEqual([w.other.team.code]);
    expect((await get('team-agents', `${ALL}&${WEEK}&team=${w.t1.code}`, w.otherInspector.token)).status).toBe(403);
  });
});

describe('bad queries', () => {
  it.each([
    ['trend', 'no project', 'from=2026-10-01&to=2026-10-31&bucket=day', 'project'],
    ['trend', 'an impossible date', 'project=P&from=2026-02-30&to=2026-03-31&bucket=day', 'from'],
    ['trend', 'from after to', 'project=P&from=2026-10-31&to=2026-10-01&bucket=day', 'from'],
    ['trend', 'no bucket', 'project=P&from=2026-10-01&to=2026-10-31', 'bucket'],
    ['trend', 'an unknown bucket', 'project=P&from=2026-10-01&to=2026-10-31&bucket=year', 'bucket'],
    ['trend', 'too many days', 'project=P&from=2025-01-01&to=2026-10-31&bucket=day', 'to'],
    ['teams', 'no to', 'project=P&from=2026-10-01', 'to'],
    ['teams', 'from after to', 'project=P&from=2026-10-31&to=2026-10-01', 'from'],
    ['team-agents', 'no team', 'project=P&from=2026-10-01&to=2026-10-31', 'team'],
    ['team-agents', 'no from', 'project=P&to=2026-10-31&team=T', 'from'],
    ['inspectors', 'no project', 'from=2026-10-01&to=2026-10-31', 'project'],
    ['inspectors', 'from after to', 'project=P&from=2026-10-31&to=2026-10-01', 'from'],
  ])('%s answers 400 naming the field for %s', async (path, _title, query, field) => {
    const res = await get(path, query.replace('project=P', `project=${w.project.code}`).replace('team=T', `team=${w.t1.code}`));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it.each(['fatal=yes', 'calibration=1', 'amended=maybe'])('the evaluations list answers 400 for %s', async (query) => {
    const res = await t.as(w.supervisor.token).get(`/api/evaluations?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(query.split('=')[0]);
  });
});

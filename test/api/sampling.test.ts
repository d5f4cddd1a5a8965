import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { allItems } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let seq = 0;
const DAY = '2026-11-20';
const call = toneWav(31); // the plan's default minimum is 30 s

type Built = Awaited<ReturnType<typeof setUp>>;
let w: Built;

async function ingest(agent: string, day: string, over: Record<string, unknown> = {}, transcript?: object) {
  const req = t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', call, 'c.wav')
    .field(
      'metadata',
      JSON.stringify({ externalId: `s-${++seq}`, agent, startedAt: `${day}T10:${String(seq % 60).padStart(2, '0')}:00+08:00`, direction: 'inbound', ...over }),
    );
  if (transcript) req.field('transcript', JSON.stringify(transcript));
  const res = await req;
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}

async function setUp() {
  const b = builders(t);
  const project = await b.project();
  const team = await b.team(project.code);
  const veteran = await b.agent(team.code, { hiredAt: '2020-01-01', grade: 'A' });
  const newHire = await b.agent(team.code, { hiredAt: '2026-10-01', grade: 'C' });
  const intern = await b.agent(team.code, { hiredAt: '2021-01-01', grade: 'intern' });
  const other = await b.project();
  // Side by side: each user costs two password hashes.
  const [inspector1, inspector2, supervisor, lead, outsider] = await Promise.all([
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    b.user({ roles: ['team_lead'], teams: [team.code] }),
    b.user({ roles: ['inspector'], projects: [other.code] }),
  ]);
  const inspectors = [inspector1, inspector2];
  for (const agent of [veteran, newHire, intern]) for (let i = 0; i < 6; i++) await ingest(agent.employeeNo, DAY);
  await ingest(veteran.employeeNo, DAY, { businessType: '投诉' });
  await ingest(veteran.employeeNo, DAY, {}, { segments: [{ speaker: 'agent', start: 0, end: 3, text: '我不清楚' }] });
  return { project, team, veteran, newHire, intern, inspectors, supervisor, lead, other, outsider };
}

beforeAll(async () => {
  t = await startTestApp();
  w = await setUp();
});
afterAll(() => t?.close());

type Run = { id: string; assignments: { recordingId: string; agent: string; inspector: string; reason: string }[] };

/**
 * A queue no other test touches: a project of its own whose new hire's four calls on DAY the admin
 * has sampled (all four picked: two a day plus two for a new hire), spread over `inspectors` inspectors.
 */
async function sampledQueue(inspectors: number) {
  const b = builders(t);
  const project = await b.project();
  const team = await b.team(project.code);
  const newHire = await b.agent(team.code, { hiredAt: '2026-10-01', grade: 'C' });
  const [supervisor, ...staff] = await Promise.all([
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    ...Array.from({ length: inspectors }, () => b.user({ roles: ['inspector'], projects: [project.code] })),
  ]);
  for (let i = 0; i < 4; i++) await ingest(newHire.employeeNo, DAY);
  await t.as(t.adminToken).post('/api/sampling/runs').send({ project: project.code, date: DAY }).expect(201);
  return { project, supervisor, inspectors: staff };
}

const reasonsOf = (run: { assignments: { agent: string; reason: string }[] }, agent: string) =>
  run.assignments
    .filter((a) => a.agent === agent)
    .map((a) => a.reason)
    .sort();

describe('POST /api/sampling/runs', () => {
  // The day sampled once, looked at from every side by the tests here; none of them changes it.
  let res: { status: number; body: Run };
  let first: Run;
  beforeAll(async () => {
    res = await t.as(w.supervisor.token).post('/api/sampling/runs').send({ project: w.project.code, date: DAY });
    first = res.body;
  });

  it('samples the day by the plan and answers 201 with the assignments', () => {
    expect(res.status).toBe(201);
    expect(first.id).toEqual(expect.any(String));
    for (const a of first.assignments)
      expect(a).toEqual(
        expect.objectContaining({ recordingId: expect.any(String), agent: expect.any(String), inspector: expect.any(String), reason: expect.any(String) }),
      );
    // Veteran: 2 a day (one guided by the FORBIDDEN failure) plus his complaint call.
    expect(reasonsOf(first, w.veteran.employeeNo)).toEqual(['complaint', 'failed:FORBIDDEN', 'random']);
    // New hire (hired < 90 days) and intern: 2 plus 2 extra.
    expect(reasonsOf(first, w.newHire.employeeNo)).toEqual(['new-hire', 'new-hire', 'random', 'random']);
    expect(reasonsOf(first, w.intern.employeeNo)).toEqual(['new-hire', 'new-hire', 'random', 'random']);
  });

  it('gives each call to one inspector and spreads them evenly', () => {
    const ids = first.assignments.map((a) => a.recordingId);
    expect(new Set(ids).size).toBe(ids.length);
    const per = w.inspectors.map((i) => first.assignments.filter((a) => a.inspector === i.username).length);
    expect(per.reduce((a, b) => a + b)).toBe(ids.length);
    expect(Math.abs(per[0] - per[1])).toBeLessThanOrEqual(1);
  });

  it('answers 200 with the same assignments when the day is asked again, even at once', async () => {
    const again = await Promise.all([1, 2, 3].map(() => t.as(w.supervisor.token).post('/api/sampling/runs').send({ project: w.project.code, date: DAY })));
    for (const res of again) {
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(first.id);
      expect(res.body.assignments.map((a: { recordingId: string }) => a.recordingId).sort()).toEqual(first.assignments.map((a) => a.recordingId).sort());
    }
  });

  it('draws the same calls for the same day on another database (the seed is stored and reproducible)', async () => {
    const ds = t.app.get(DataSource);
    const [run] = await ds.query('SELECT seed FROM sampling_runs WHERE id = $1', [first.id]);
    expect(Number(run.seed)).toBeGreaterThan(0);
  });

  it('samples two projects at once without mixing them, and one day once under concurrency', async () => {
    const b = builders(t);
    const p = await b.project();
    const team = await b.team(p.code);
    const agent = await b.agent(team.code, { hiredAt: '2019-01-01' });
    await b.user({ roles: ['inspector'], projects: [p.code] });
    for (let i = 0; i < 4; i++) await ingest(agent.employeeNo, '2026-11-19');
    const results = await Promise.all([1, 2, 3].map(() => t.as(t.adminToken).post('/api/sampling/runs').send({ project: p.code, date: '2026-11-19' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results[0].body.assignments).toHaveLength(2);
  });

  it.each([
    ['an unknown project', () => ({ project: 'NOPE', date: DAY }), 400, 'project'],
    ['a date that is not one', () => ({ project: w.project.code, date: '2026-02-30' }), 400, 'date'],
    ['a future date', () => ({ project: w.project.code, date: '2099-01-01' }), 400, 'future'],
    ['no project', () => ({ date: DAY }), 400, 'project'],
  ])('answers 400 for %s', async (_title, body, status, words) => {
    const res = await t.as(w.supervisor.token).post('/api/sampling/runs').send(body());
    expect(res.status).toBe(status);
    expect(res.body.message).toContain(words);
  });

  it('answers 409 when the project has no inspector, storing no run', async () => {
    const b = builders(t);
    const p = await b.project();
    const res = await t.as(t.adminToken).post('/api/sampling/runs').send({ project: p.code, date: DAY });
    expect(res.status).toBe(409);
    expect((await t.as(t.adminToken).get(`/api/sampling/runs/${p.code}?date=${DAY}`)).status).toBe(404);
  });

  it('refuses a day that has not ended in the centre’s time zone: 400 DAY_NOT_OVER naming the date, storing no run', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await ingest(w.veteran.employeeNo, today);
    const res = await t.as(w.supervisor.token).post('/api/sampling/runs').send({ project: w.project.code, date: today });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('DAY_NOT_OVER');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'date' })]);
    expect((await t.as(w.supervisor.token).get(`/api/sampling/runs/${w.project.code}?date=${today}`)).status).toBe(404);
  });

  it('refuses another project’s inspector and a team lead', async () => {
    expect((await t.as(w.outsider.token).post('/api/sampling/runs').send({ project: w.project.code, date: DAY })).status).toBe(403);
    expect((await t.as(w.lead.token).post('/api/sampling/runs').send({ project: w.project.code, date: DAY })).status).toBe(403);
  });
});

describe('focus agents from their scores', () => {
  it('gives a low scorer and an agent with a fatal evaluation extra calls', async () => {
    const b = builders(t);
    const team = await b.team(w.project.code);
    const low = await b.agent(team.code, { hiredAt: '2019-01-01' });
    const fatal = await b.agent(team.code, { hiredAt: '2019-01-01' });
    const day = '2026-11-18';
    // Evaluations are dated when submitted (today); the run of yesterday, made today, counts them.
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));
    for (const agent of [low, fatal]) for (let i = 0; i < 6; i++) await ingest(agent.employeeNo, yesterday);
    const lowCall = await ingest(low.employeeNo, day);
    const fatalCall = await ingest(fatal.employeeNo, day);
    const insp = w.inspectors[0].token;
    await t
      .as(insp)
      .post('/api/evaluations')
      .send({ recordingId: lowCall, source: 'daily', items: await allItems(t, { B1: 'fail', B3: 'fail', A4: 'fail' }) })
      .expect(201);
    await t
      .as(insp)
      .post('/api/evaluations')
      .send({ recordingId: fatalCall, source: 'daily', items: await allItems(t, { FORBIDDEN: 'fail' }) })
      .expect(201);
    const run = (await t.as(w.supervisor.token).post('/api/sampling/runs').send({ project: w.project.code, date: yesterday })).body;
    expect(reasonsOf(run, low.employeeNo)).toEqual(['low-score', 'low-score', 'random', 'random']);
    expect(reasonsOf(run, fatal.employeeNo)).toEqual(['fatal', 'fatal', 'random', 'random']);
  });
});

describe('the plan', () => {
  it('applies a change from the next day on, never to a day being sampled today', async () => {
    const api = t.as(w.supervisor.token);
    const plan = (await api.get(`/api/sampling/plans/${w.project.code}`)).body;
    expect(plan.current).toMatchObject({ callsPerAgent: 2, minDurationSeconds: 30, guidedShare: 0.5 });
    const res = await api.put(`/api/sampling/plans/${w.project.code}`).send({ rules: { ...plan.current, callsPerAgent: 5 } });
    expect(res.status).toBe(200);
    expect(res.body.current.callsPerAgent).toBe(2);
    expect(res.body.upcoming.rules.callsPerAgent).toBe(5);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(res.body.upcoming.effectiveFrom).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(tomorrow));
  });

  it.each([
    ['a negative quota', { callsPerAgent: -1 }, 'callsPerAgent'],
    ['a guided share over 1', { guidedShare: 1.5 }, 'guidedShare'],
    ['a run time of 25:00', { runAt: '25:00' }, 'runAt'],
    ['a direction "sideways"', { directions: ['sideways'] }, 'directions'],
  ])('answers 400 for %s', async (_title, change, field) => {
    const plan = (await t.as(w.supervisor.token).get(`/api/sampling/plans/${w.project.code}`)).body;
    const res = await t
      .as(w.supervisor.token)
      .put(`/api/sampling/plans/${w.project.code}`)
      .send({ rules: { ...plan.current, ...change } });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
  });

  it('is edited by a supervisor only', async () => {
    const plan = (await t.as(w.supervisor.token).get(`/api/sampling/plans/${w.project.code}`)).body;
    expect((await t.as(w.inspectors[0].token).put(`/api/sampling/plans/${w.project.code}`).send({ rules: plan.current })).status).toBe(403);
  });
});

describe('the inspector’s queue', () => {
  // The tests that score or move calls each build and sample a queue of their own: users and calls
  // take a while on a busy machine, hence their longer time limit.
  it('lists the inspector’s calls with reason and progress, and the next one to score', async () => {
    const [inspector] = (await sampledQueue(1)).inspectors;
    const api = t.as(inspector.token);
    const queue = (await api.get(`/api/sampling/queue?date=${DAY}`)).body;
    expect(queue.total).toBeGreaterThan(0);
    expect(queue.done).toBe(0);
    expect(queue.items[0]).toEqual(expect.objectContaining({ recordingId: expect.any(String), reason: expect.any(String), agent: expect.any(String), duration: 31 }));
    const { next } = (await api.get('/api/sampling/queue/next')).body;
    await api
      .post('/api/evaluations')
      .send({ recordingId: next.recordingId, source: 'daily', items: await allItems(t) })
      .expect(201);
    const after = (await api.get(`/api/sampling/queue?date=${DAY}`)).body;
    expect(after.done).toBe(1);
    expect((await api.get('/api/sampling/queue/next')).body.next.recordingId).not.toBe(next.recordingId);
  }, 60_000);

  it('lists the project’s inspectors for a supervisor to reassign to', async () => {
    const res = await t.as(w.supervisor.token).get(`/api/sampling/inspectors/${w.project.code}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { username: string }) => i.username).sort()).toEqual(w.inspectors.map((i) => i.username).sort());
    expect((await t.as(w.inspectors[0].token).get(`/api/sampling/inspectors/${w.project.code}`)).status).toBe(403);
    expect((await t.as(w.supervisor.token).get(`/api/sampling/inspectors/${w.other.code}`)).status).toBe(403);
  });

  it('lets a supervisor reassign an unscored call to another inspector of the project', async () => {
    const { supervisor, inspectors } = await sampledQueue(2);
    const [from, to] = inspectors;
    // One of his two calls already scored.
    const scored = (await t.as(from.token).get(`/api/sampling/queue?date=${DAY}`)).body.items[0];
    await t
      .as(from.token)
      .post('/api/evaluations')
      .send({ recordingId: scored.recordingId, source: 'daily', items: await allItems(t) })
      .expect(201);
    const open = (await t.as(from.token).get(`/api/sampling/queue?date=${DAY}`)).body.items.find((i: { done: boolean }) => !i.done);
    const res = await t.as(supervisor.token).patch(`/api/sampling/assignments/${open.id}`).send({ inspector: to.username });
    expect(res.status).toBe(200);
    expect(res.body.inspector).toBe(to.username);
    expect((await t.as(to.token).get(`/api/sampling/queue?date=${DAY}`)).body.items.map((i: { id: string }) => i.id)).toContain(open.id);
    expect((await t.as(supervisor.token).patch(`/api/sampling/assignments/${open.id}`).send({ inspector: w.outsider.username })).status).toBe(400);
    expect((await t.as(from.token).patch(`/api/sampling/assignments/${open.id}`).send({ inspector: from.username })).status).toBe(403);
    const done = (await t.as(from.token).get(`/api/sampling/queue?date=${DAY}`)).body.items.find((i: { done: boolean }) => i.done);
    expect((await t.as(supervisor.token).patch(`/api/sampling/assignments/${done.id}`).send({ inspector: to.username })).status).toBe(409);
  }, 60_000);
});

describe('who gets a call: only an inspector whose scope covers it (issue 11, finding 7)', () => {
  it('gives a team-bound inspector only his team’s calls, each of which he can open', async () => {
    const b = builders(t);
    const project = await b.project();
    const [team1, team2] = [await b.team(project.code), await b.team(project.code)];
    const agents = [await b.agent(team1.code, { hiredAt: '2019-01-01' }), await b.agent(team2.code, { hiredAt: '2019-01-01' })];
    const [teamBound, whole] = await Promise.all([b.user({ roles: ['inspector'], teams: [team1.code] }), b.user({ roles: ['inspector'], projects: [project.code] })]);
    for (const agent of agents) for (let i = 0; i < 4; i++) await ingest(agent.employeeNo, DAY);
    const res = await t.as(t.adminToken).post('/api/sampling/runs').send({ project: project.code, date: DAY });
    expect(res.status).toBe(201);
    const run = res.body as { assignments: { recordingId: string; inspector: string; team: string }[]; unassigned: unknown[] };
    expect(run.assignments).toHaveLength(4);
    expect(run.unassigned).toEqual([]);
    const his = run.assignments.filter((a) => a.inspector === teamBound.username);
    expect(his.length).toBeGreaterThan(0);
    expect(his.every((a) => a.team === team1.code)).toBe(true);
    expect(run.assignments.filter((a) => a.team === team2.code).every((a) => a.inspector === whole.username)).toBe(true);
    for (const a of his) expect((await t.as(teamBound.token).get(`/api/recordings/${a.recordingId}`)).status).toBe(200);
  }, 60_000);

  it('leaves a call no inspector covers unassigned and reports it, and refuses to move a call to an inspector who cannot open it', async () => {
    const b = builders(t);
    const project = await b.project();
    const [team1, team2] = [await b.team(project.code), await b.team(project.code)];
    const agents = [await b.agent(team1.code, { hiredAt: '2019-01-01' }), await b.agent(team2.code, { hiredAt: '2019-01-01' })];
    const [inspector, otherTeamInspector] = await Promise.all([
      b.user({ roles: ['inspector'], teams: [team1.code] }),
      b.user({ roles: ['inspector'], teams: [team2.code] }),
    ]);
    // Team 2's inspector is deactivated: nobody left covers team 2.
    await t.as(t.adminToken).patch(`/api/users/${otherTeamInspector.id}`).send({ active: false }).expect(200);
    for (const agent of agents) for (let i = 0; i < 4; i++) await ingest(agent.employeeNo, DAY);
    const res = await t.as(t.adminToken).post('/api/sampling/runs').send({ project: project.code, date: DAY });
    expect(res.status).toBe(201);
    expect(res.body.assignments.map((a: { team: string }) => a.team)).toEqual([team1.code, team1.code]);
    expect(res.body.assignments.every((a: { inspector: string }) => a.inspector === inspector.username)).toBe(true);
    expect(res.body.unassigned).toHaveLength(2);
    expect(res.body.unassigned.every((u: { team: string; agent: string }) => u.team === team2.code && u.agent === agents[1].employeeNo)).toBe(true);
    const again = await t.as(t.adminToken).post('/api/sampling/runs').send({ project: project.code, date: DAY });
    expect(again.status).toBe(200);
    expect(again.body.unassigned).toEqual(res.body.unassigned);
    // A whole-project inspector may take a team 1 call; team 2's may not.
    await t.as(t.adminToken).patch(`/api/users/${otherTeamInspector.id}`).send({ active: true }).expect(200);
    const moved = await t.as(t.adminToken).patch(`/api/sampling/assignments/${res.body.assignments[0].id}`).send({ inspector: otherTeamInspector.username });
    expect(moved.status).toBe(400);
    expect(moved.body.errors).toEqual([expect.objectContaining({ field: 'inspector', code: 'notInspector' })]);
  }, 60_000);
});

describe('spot checks and the daily sample (issue 11, finding 8)', () => {
  it('a team lead drawing all of a day’s calls leaves the daily run its candidates: a call can be both', async () => {
    const b = builders(t);
    const project = await b.project();
    const team = await b.team(project.code);
    const agent = await b.agent(team.code, { hiredAt: '2019-01-01' });
    const [lead, inspector] = await Promise.all([b.user({ roles: ['team_lead'], teams: [team.code] }), b.user({ roles: ['inspector'], projects: [project.code] })]);
    for (let i = 0; i < 4; i++) await ingest(agent.employeeNo, DAY);
    const drawn = await t.as(lead.token).post('/api/sampling/spot-checks').send({ team: team.code, date: DAY, count: 10 });
    expect(drawn.status).toBe(201);
    expect(drawn.body).toHaveLength(4);
    const run = await t.as(t.adminToken).post('/api/sampling/runs').send({ project: project.code, date: DAY });
    expect(run.status).toBe(201);
    expect(run.body.candidates).toBe(4);
    expect(run.body.assignments).toHaveLength(2);
    expect(run.body.assignments.every((a: { inspector: string }) => a.inspector === inspector.username)).toBe(true);
    // The lead keeps his spot checks, and both listen to the calls they were given.
    const leadQueue = (await t.as(lead.token).get(`/api/sampling/queue?date=${DAY}`)).body;
    expect(leadQueue.items).toHaveLength(4);
    expect((await t.as(inspector.token).get(`/api/sampling/queue?date=${DAY}`)).body.items).toHaveLength(2);
    // Nothing left for the lead to draw: his own picks are not drawn twice.
    const more = await t.as(lead.token).post('/api/sampling/spot-checks').send({ team: team.code, date: DAY, count: 1 });
    expect(more.status).toBe(409);
    expect(more.body.code).toBe('NOTHING_TO_DRAW');
  }, 60_000);
});

describe('team-lead spot checks', () => {
  it('draws calls of his own team for himself, never a call already given out', async () => {
    const day = '2026-11-17';
    for (let i = 0; i < 5; i++) await ingest(w.veteran.employeeNo, day);
    const res = await t.as(w.lead.token).post('/api/sampling/spot-checks').send({ team: w.team.code, date: day, count: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toHaveLength(3);
    expect(res.body.every((a: { inspector: string; reason: string }) => a.inspector === w.lead.username && a.reason === 'spot-check')).toBe(true);
    const more = await t.as(w.lead.token).post('/api/sampling/spot-checks').send({ team: w.team.code, date: day, count: 5 });
    expect(more.body).toHaveLength(2);
    expect(new Set([...res.body, ...more.body].map((a: { recordingId: string }) => a.recordingId)).size).toBe(5);
    const otherTeam = await builders(t).team(w.project.code);
    expect((await t.as(w.lead.token).post('/api/sampling/spot-checks').send({ team: otherTeam.code, date: day, count: 1 })).status).toBe(403);
    expect((await t.as(w.inspectors[0].token).post('/api/sampling/spot-checks').send({ team: w.team.code, date: day, count: 1 })).status).toBe(403);
  });
});

describe('confidence in an agent’s sampled score', () => {
  it('answers each agent’s mean from random picks with a 95% interval, flagging one too wide to grade', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const res = await t.as(w.supervisor.token).get(`/api/sampling/confidence?project=${w.project.code}&from=2026-01-01&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.body.maxHalfWidth).toBe(5);
    const veteran = res.body.items.find((i: { agent: string }) => i.agent === w.veteran.employeeNo);
    expect(veteran).toEqual(expect.objectContaining({ n: expect.any(Number), tooWide: true }));
    expect((await t.as(w.outsider.token).get(`/api/sampling/confidence?project=${w.project.code}&from=2026-01-01&to=${today}`)).status).toBe(403);
    expect((await t.as(w.supervisor.token).get(`/api/sampling/confidence?from=2026-01-01&to=${today}`)).status).toBe(400);
  });
});

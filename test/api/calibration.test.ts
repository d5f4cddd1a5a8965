import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '#shared/dates.js';
import { toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 15, calibration: a supervisor has inspectors score the same calls blind (source `calibration`),
 * reveals them side by side with agreement and Fleiss' kappa, and writes guidance per item, which goes
 * into the next checklist draft as the item's scoring note. Calibration evaluations never count.
 */

let t: TestApp;
type User = { id: string; username: string; token: string };
let w: {
  project: { id: string; code: string };
  team: { code: string };
  agent: { employeeNo: string };
  otherAgent: { employeeNo: string };
  i1: User;
  i2: User;
  i3: User;
  outsider: User;
  lead: User;
  supervisor: User;
  elsewhere: User;
  expert: User;
};
const DAY = '2026-10-14';
const today = () => localDateOf(new Date(), process.env.TZ);
const call = (agent = w.agent.employeeNo) => recordingFor(t, agent, { startedAt: `${DAY}T10:00:00+08:00` });

beforeAll(async () => {
  t = await startTestApp();
  const b = builders(t);
  const project = await b.project();
  const team = await b.team(project.code);
  const agent = await b.agent(team.code);
  const other = await b.project();
  const otherTeam = await b.team(other.code);
  const otherAgent = await b.agent(otherTeam.code);
  const [i1, i2, i3, outsider, lead, supervisor, elsewhere, expert] = await Promise.all([
    b.user({ roles: ['inspector'], projects: [project.code], displayName: '质检一' }),
    b.user({ roles: ['inspector'], projects: [project.code], displayName: '质检二' }),
    b.user({ roles: ['inspector'], projects: [project.code], displayName: '质检三' }),
    b.user({ roles: ['inspector'], projects: [other.code] }),
    b.user({ roles: ['team_lead'], teams: [team.code] }),
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    b.user({ roles: ['supervisor'], projects: [other.code] }),
    b.user({ roles: ['supervisor'], projects: [project.code], displayName: '专家' }),
  ]);
  w = { project, team, agent, otherAgent, i1, i2, i3, outsider, lead, supervisor, elsewhere, expert };
});
afterAll(() => t?.close());

/** A session body: overrides replace any field. */
const sessionBody = (over: Record<string, unknown> = {}) => ({
  title: '十月校准：问候与确认',
  recordings: [] as string[],
  participants: [w.i1.username, w.i2.username],
  deadline: today(),
  ...over,
});

async function session(over: Record<string, unknown> = {}, token = w.supervisor.token) {
  const res = await t.as(token).post('/api/calibration-sessions').send(sessionBody(over));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string; callList: { recordingId: string }[] };
}

/** The user scores the call in one go with source calibration, the verdicts given, pass otherwise. */
async function score(user: User, recordingId: string, verdicts: Record<string, 'pass' | 'fail' | 'na'> = {}) {
  const res = await t
    .as(user.token)
    .post('/api/evaluations')
    .send({ recordingId, source: 'calibration', items: await allItems(t, verdicts) });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string; score: number };
}

const get = (token: string, id: string) => t.as(token).get(`/api/calibration-sessions/${id}`);
const reveal = (token: string, id: string) => t.as(token).post(`/api/calibration-sessions/${id}/reveal`).send({});
const guidance = (token: string, id: string, items: unknown) => t.as(token).put(`/api/calibration-sessions/${id}/guidance`).send({ items });

async function sql(query: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(query, params)).rows;
  } finally {
    await client.end();
  }
}

describe('POST /api/calibration-sessions', () => {
  it('creates a session of calls, participants, expert and deadline, answering its progress', async () => {
    const [a, b] = [await call(), await call()];
    const res = await t
      .as(w.supervisor.token)
      .post('/api/calibration-sessions')
      .send(sessionBody({ recordings: [a, b], expert: w.expert.username }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      project: w.project.code,
      status: 'open',
      expert: w.expert.username,
      calls: 2,
      participants: 2,
      submitted: 0,
      expected: 4,
      results: null,
      createdBy: w.supervisor.username,
    });
    expect(res.body.callList.map((c: { recordingId: string }) => c.recordingId)).toEqual([a, b]);
    expect(res.body.participantList.map((p: { username: string; expert: boolean }) => [p.username, p.expert])).toEqual([
      [w.i1.username, false],
      [w.i2.username, false],
      [w.expert.username, true],
    ]);
  });

  it.each([
    ['a team lead', () => w.lead.token, 403],
    ['an inspector', () => w.i1.token, 403],
  ])('refuses %s (%i)', async (_who, token, status) => {
    const res = await t
      .as(token())
      .post('/api/calibration-sessions')
      .send(sessionBody({ recordings: [await call()] }));
    expect(res.status).toBe(status);
    expect(
      await sql(`SELECT 1 FROM calibration_sessions WHERE title = $1 AND "createdBy" IN (SELECT id FROM users WHERE username = ANY($2))`, [
        '十月校准：问候与确认',
        [w.lead.username, w.i1.username],
      ]),
    ).toHaveLength(0);
  });

  it('refuses a supervisor outside the calls’ project: 403 SCOPE_DENIED, nothing stored', async () => {
    const before = (await sql(`SELECT count(*)::int AS n FROM calibration_sessions`))[0].n;
    const res = await t
      .as(w.elsewhere.token)
      .post('/api/calibration-sessions')
      .send(sessionBody({ recordings: [await call()] }));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('SCOPE_DENIED');
    expect((await sql(`SELECT count(*)::int AS n FROM calibration_sessions`))[0].n).toBe(before);
  });

  // Calls of two projects: by an admin, who sees both (a supervisor of one is refused the other's call, 403).
  const bad: [string, string, () => Promise<Record<string, unknown>>, (() => string)?][] = [
    ['no title', 'title', async () => ({ title: '' })],
    ['no calls', 'recordings', async () => ({ recordings: [] })],
    ['a call id that is not a uuid', 'recordings', async () => ({ recordings: ['abc'] })],
    ['an unknown call', 'recordings[0]', async () => ({ recordings: ['00000000-0000-4000-8000-000000000000'] })],
    [
      'a call given twice',
      'recordings[1]',
      async () => {
        const a = await call();
        return { recordings: [a, a] };
      },
    ],
    ['calls of two projects', 'recordings[1]', async () => ({ recordings: [await call(), await call(w.otherAgent.employeeNo)] }), () => t.adminToken],
    ['one participant', 'participants', async () => ({ participants: [w.i1.username] })],
    ['an unknown participant', 'participants[1]', async () => ({ participants: [w.i1.username, 'nobody-here'] })],
    ['a participant named twice', 'participants[1]', async () => ({ participants: [w.i1.username, w.i1.username.toUpperCase()] })],
    ['a team lead as participant', 'participants[1]', async () => ({ participants: [w.i1.username, w.lead.username] })],
    ['a participant who does not see the calls', 'participants[1]', async () => ({ participants: [w.i1.username, w.outsider.username] })],
    ['the expert among the participants', 'expert', async () => ({ expert: w.i2.username })],
    ['an unknown expert', 'expert', async () => ({ expert: 'nobody-here' })],
    ['a deadline that is not a date', 'deadline', async () => ({ deadline: '2026-02-30' })],
    ['a deadline in the past', 'deadline', async () => ({ deadline: '2020-01-01' })],
  ];
  it.each(bad)('answers 400 naming the field for %s, storing nothing', async (_title, field, over, token = () => w.supervisor.token) => {
    const before = (await sql(`SELECT count(*)::int AS n FROM calibration_sessions`))[0].n;
    const body = sessionBody({ recordings: [await call()], ...(await over()) });
    const res = await t.as(token()).post('/api/calibration-sessions').send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await sql(`SELECT count(*)::int AS n FROM calibration_sessions`))[0].n).toBe(before);
  });
});

describe('blindness until the reveal', () => {
  let s: { id: string };
  let recordingId: string;
  let e1: { id: string };
  let e2: { id: string };
  let bench: { id: string };
  let daily: { id: string };
  let earlier: { id: string };

  beforeAll(async () => {
    recordingId = await call();
    // Someone outside the session scored the call already (a defect, so a coaching item): participants
    // do not see that either. His earlier call of the agent failed the same item (another coaching item).
    const scoredDaily = async (id: string) =>
      (
        await t
          .as(w.i3.token)
          .post('/api/evaluations')
          .send({ recordingId: id, source: 'daily', items: await allItems(t, { GREETING: 'fail' }) })
      ).body;
    earlier = await scoredDaily(await call());
    daily = await scoredDaily(recordingId);
    s = await session({ recordings: [recordingId], expert: w.expert.username });
    e1 = await score(w.i1, recordingId, { GREETING: 'fail' });
    e2 = await score(w.i2, recordingId);
    bench = await score(w.expert, recordingId, { GREETING: 'fail' });
  });

  const listed = async (token: string, query = '') =>
    ((await t.as(token).get(`/api/evaluations?recordingId=${recordingId}&pageSize=50${query}`)).body.items as { id: string }[]).map((e) => e.id).sort();

  it('links each calibration evaluation to the session', async () => {
    const rows = await sql(`SELECT id FROM evaluations WHERE "calibrationSessionId" = $1 ORDER BY id`, [s.id]);
    expect(rows.map((r) => r.id)).toEqual([e1.id, e2.id, bench.id].sort());
  });

  it('lists a participant only his own evaluation of the call (the workspace’s other evaluations), the expert likewise', async () => {
    expect(await listed(w.i1.token)).toEqual([e1.id]);
    expect(await listed(w.i2.token, '&calibration=true')).toEqual([e2.id]);
    expect(await listed(w.expert.token)).toEqual([bench.id]);
  });

  it('lists everything to the supervisor and to inspectors not taking part', async () => {
    const all = [e1.id, e2.id, bench.id, daily.id].sort();
    expect(await listed(w.supervisor.token)).toEqual(all);
    expect(await listed(w.i3.token)).toEqual(all);
  });

  it.each([
    ['another participant’s evaluation', () => e2.id],
    ['the benchmark', () => bench.id],
    ['an evaluation of the call from outside the session', () => daily.id],
  ])('answers 403 CALIBRATION_BLIND to a participant reading %s directly, and its history', async (_what, id) => {
    for (const path of [`/api/evaluations/${id()}`, `/api/evaluations/${id()}/history`]) {
      const res = await t.as(w.i1.token).get(path);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CALIBRATION_BLIND');
    }
    expect((await t.as(w.i1.token).get(`/api/evaluations/${e1.id}`)).status).toBe(200);
  });

  it('keeps them out of an export by a participant', async () => {
    const res = await t.as(w.expert.token).get(`/api/evaluations?recordingId=${recordingId}&format=csv&headers=keys`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(bench.id);
    for (const id of [e1.id, e2.id, daily.id]) expect(res.text).not.toContain(id);
  });

  const coachingItemOf = async (evaluationId: string) => {
    const items = (await t.as(w.supervisor.token).get(`/api/coaching-items?agent=${w.agent.employeeNo}&pageSize=100`)).body.items as {
      id: string;
      evaluationId: string;
    }[];
    return items.find((i) => i.evaluationId === evaluationId)!.id;
  };

  it('keeps the call’s coaching item (the other evaluation’s defects) from a participant: not listed, 403, not in another item’s history', async () => {
    const [blindItem, earlierItem] = [await coachingItemOf(daily.id), await coachingItemOf(earlier.id)];
    const listedTo = async (token: string) =>
      ((await t.as(token).get(`/api/coaching-items?agent=${w.agent.employeeNo}&pageSize=100`)).body.items as { id: string }[]).map((i) => i.id);
    expect(await listedTo(w.i1.token)).toContain(earlierItem);
    expect(await listedTo(w.i1.token)).not.toContain(blindItem);
    expect(await listedTo(w.i3.token)).toContain(blindItem);
    const direct = await t.as(w.i1.token).get(`/api/coaching-items/${blindItem}`);
    expect(direct.status).toBe(403);
    expect(direct.body.code).toBe('CALIBRATION_BLIND');
    const historyTo = async (token: string) =>
      ((await t.as(token).get(`/api/coaching-items/${earlierItem}`)).body.history as { evaluationId: string }[]).map((h) => h.evaluationId);
    expect(await historyTo(w.supervisor.token)).toContain(daily.id);
    expect(await historyTo(w.i1.token)).not.toContain(daily.id);
  });

  it('shows no results before the reveal, only progress', async () => {
    const res = await get(w.i1.token, s.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'open', results: null, submitted: 2, expected: 2 });
    expect(res.body.participantList.map((p: { submitted: number }) => p.submitted)).toEqual([1, 1, 1]);
  });

  it('after the reveal shows everyone everything, and reveals once', async () => {
    const res = await reveal(w.supervisor.token, s.id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('revealed');
    expect(await listed(w.i1.token)).toEqual([e1.id, e2.id, bench.id, daily.id].sort());
    expect((await t.as(w.i1.token).get(`/api/evaluations/${bench.id}`)).status).toBe(200);
    expect((await t.as(w.i1.token).get(`/api/coaching-items/${await coachingItemOf(daily.id)}`)).status).toBe(200);
    const again = await reveal(w.supervisor.token, s.id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CALIBRATION_STATE', params: { status: 'revealed', action: 'revealed' } });
  });
});

describe('the results on reveal', () => {
  it('puts verdicts side by side, agreement with the benchmark, kappa and spread, disagreements first', async () => {
    const [a, b] = [await call(), await call()];
    const s = await session({ recordings: [a, b], participants: [w.i1.username, w.i2.username, w.i3.username], expert: w.expert.username });
    // GREETING: call a fail/fail/pass (benchmark fail), call b pass/pass/pass (benchmark pass).
    await score(w.i1, a, { GREETING: 'fail' });
    await score(w.i2, a, { GREETING: 'fail' });
    await score(w.i3, a);
    await score(w.expert, a, { GREETING: 'fail' });
    for (const u of [w.i1, w.i2, w.i3, w.expert]) await score(u, b);
    expect((await get(w.supervisor.token, s.id)).body.results).toBeNull();
    const res = await reveal(w.supervisor.token, s.id);
    const { results } = res.body;
    const greeting = results.items[0];
    expect(greeting).toMatchObject({ code: 'GREETING', referenceKind: 'benchmark', disagreement: true });
    expect(greeting.calls[0]).toEqual({
      recordingId: a,
      reference: 'fail',
      verdicts: [
        { username: w.i1.username, verdict: 'fail' },
        { username: w.i2.username, verdict: 'fail' },
        { username: w.i3.username, verdict: 'pass' },
      ],
    });
    expect(greeting.agreement).toBeCloseTo(5 / 6, 10);
    // Subjects [pass, fail] counts: a = [1, 2], b = [3, 0]: P̄ = (1/3 + 1) / 2; shares 4/6, 2/6.
    const observed = (1 / 3 + 1) / 2;
    const expected = (4 / 6) ** 2 + (2 / 6) ** 2;
    expect(greeting.observed).toBeCloseTo(observed, 10);
    expect(greeting.kappa).toBeCloseTo((observed - expected) / (1 - expected), 10);
    // Every other item: everyone passed both calls, full agreement, kappa undefined.
    expect(
      results.items.slice(1).every((i: { disagreement: boolean; kappa: number | null; agreement: number }) => !i.disagreement && i.kappa === null && i.agreement === 1),
    ).toBe(true);
    expect(typeof results.kappa).toBe('number');
    const [callA, callB] = results.calls;
    expect(callB.spread).toMatchObject({ n: 3, min: 100, max: 100, sd: 0 });
    expect(callA.spread.n).toBe(3);
    expect(callA.spread.max).toBe(100);
    expect(callA.spread.min).toBeLessThan(100);
    expect(callA.benchmark).toBe(callA.spread.min);
  });

  it('measures agreement against the majority without an expert', async () => {
    const a = await call();
    const s = await session({ recordings: [a], participants: [w.i1.username, w.i2.username, w.i3.username] });
    await score(w.i1, a, { CLOSING: 'fail' });
    await score(w.i2, a);
    await score(w.i3, a);
    const { results } = (await reveal(w.supervisor.token, s.id)).body;
    expect(results.items[0]).toMatchObject({ code: 'CLOSING', referenceKind: 'majority', agreement: 2 / 3, disagreement: true });
    expect(results.items[0].calls[0].reference).toBe('pass');
  });
});

describe('reading sessions: roles and scope', () => {
  let s: { id: string };
  beforeAll(async () => {
    s = await session({ recordings: [await call()] });
  });

  it('lists a participant his sessions and the calls he still has to score, a supervisor his project’s', async () => {
    const mine = (await t.as(w.i1.token).get('/api/calibration-sessions')).body.items.map((i: { id: string }) => i.id);
    expect(mine).toContain(s.id);
    expect((await t.as(w.i3.token).get('/api/calibration-sessions')).body.items.map((i: { id: string }) => i.id)).not.toContain(s.id);
    expect((await t.as(w.supervisor.token).get('/api/calibration-sessions')).body.items.map((i: { id: string }) => i.id)).toContain(s.id);
    expect((await t.as(w.elsewhere.token).get('/api/calibration-sessions')).body.items.map((i: { id: string }) => i.id)).not.toContain(s.id);
    const toScore = (await t.as(w.i1.token).get('/api/calibration-sessions/to-score')).body.items.filter((i: { sessionId: string }) => i.sessionId === s.id);
    expect(toScore).toHaveLength(1);
    expect(toScore[0]).toMatchObject({ draft: false, agent: w.agent.employeeNo });
  });

  it('counts a draft started in the workspace, and drops the call from the worklist once submitted', async () => {
    const recordingId = (await get(w.i2.token, s.id)).body.callList[0].recordingId;
    const draft = await t.as(w.i2.token).post('/api/evaluations/drafts').send({ recordingId, source: 'calibration' });
    expect(draft.status).toBe(201);
    expect((await sql(`SELECT "calibrationSessionId" FROM evaluations WHERE id = $1`, [draft.body.id]))[0].calibrationSessionId).toBe(s.id);
    const toScore = async () => (await t.as(w.i2.token).get('/api/calibration-sessions/to-score')).body.items.filter((i: { sessionId: string }) => i.sessionId === s.id);
    expect((await toScore())[0].draft).toBe(true);
    expect((await get(w.supervisor.token, s.id)).body.participantList[1]).toMatchObject({ submitted: 0, drafts: 1 });
    const items = (await allItems(t)).map((i: { code: string; verdict: string }) => ({ ...i, comment: null, at: null, until: null }));
    const saved = await t.as(w.i2.token).put(`/api/evaluations/${draft.body.id}`).send({ revision: draft.body.revision, items });
    expect(saved.status).toBe(200);
    expect((await t.as(w.i2.token).post(`/api/evaluations/${draft.body.id}/submit`).send({ revision: saved.body.revision })).status).toBe(200);
    expect(await toScore()).toHaveLength(0);
  });

  it.each([
    ['an inspector not taking part', () => w.i3.token, 403, 'CALIBRATION_NOT_PARTICIPANT'],
    ['a supervisor of another project', () => w.elsewhere.token, 403, 'SCOPE_DENIED'],
    ['a team lead', () => w.lead.token, 403, 'PERMISSION_DENIED'],
  ])('refuses the session to %s', async (_who, token, status, code) => {
    const res = await get(token(), s.id);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it.each([
    ['reveal', (token: string) => reveal(token, s.id)],
    ['guidance', (token: string) => guidance(token, s.id, [{ code: 'GREETING', text: '开头十五秒内' }])],
  ])('refuses %s to participants, leads and supervisors of other projects', async (_step, send) => {
    expect((await send(w.i1.token)).status).toBe(403);
    expect((await send(w.lead.token)).status).toBe(403);
    expect((await send(w.elsewhere.token)).body.code).toBe('SCOPE_DENIED');
    expect((await get(w.supervisor.token, s.id)).body.status).toBe('open');
  });

  it('answers 404 for an unknown session and 400 for an id that is not one', async () => {
    expect((await get(w.supervisor.token, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get(w.supervisor.token, 'abc')).status).toBe(400);
  });
});

describe('sessions ready to reveal (the supervisor’s home and the list filter)', () => {
  const yesterday = () => localDateOf(new Date(Date.now() - 86_400_000), process.env.TZ);
  const listed = async (token: string, status?: string) => {
    const res = await t.as(token).get(`/api/calibration-sessions${status ? `?status=${status}` : ''}`);
    expect(res.status).toBe(200);
    return res.body as { total: number; items: { id: string; readyToReveal: boolean; status: string }[] };
  };
  const ids = async (token: string, status: string) => (await listed(token, status)).items.map((i) => i.id);

  it('counts a session once every participant submitted every call, or once its deadline passed; never a revealed one', async () => {
    const [a, b, c, d, e] = [await call(), await call(), await call(), await call(), await call()];
    const everyone = await session({ recordings: [a, b] });
    const halfway = await session({ recordings: [c] });
    const lapsed = await session({ recordings: [d] });
    const revealed = await session({ recordings: [e] });
    for (const user of [w.i1, w.i2]) for (const r of [a, b, e]) await score(user, r);
    await score(w.i1, c);
    await sql(`UPDATE calibration_sessions SET deadline = $2 WHERE id = $1`, [lapsed.id, yesterday()]);
    expect((await reveal(w.supervisor.token, revealed.id)).status).toBe(200);

    const ready = await ids(w.supervisor.token, 'ready');
    expect(ready).toEqual(expect.arrayContaining([everyone.id, lapsed.id]));
    expect(ready).not.toContain(halfway.id);
    expect(ready).not.toContain(revealed.id);
    const all = await listed(w.supervisor.token);
    const flag = (id: string) => all.items.find((i) => i.id === id)!.readyToReveal;
    expect(flag(everyone.id)).toBe(true);
    expect(flag(lapsed.id)).toBe(true);
    expect(flag(halfway.id)).toBe(false);
    expect(flag(revealed.id)).toBe(false);
    // The ready list is exactly the sessions flagged ready: the count and the page agree.
    expect(new Set(ready)).toEqual(new Set(all.items.filter((i) => i.readyToReveal).map((i) => i.id)));
    expect((await listed(w.supervisor.token, 'ready')).total).toBe(ready.length);
    expect(await ids(w.supervisor.token, 'revealed')).toContain(revealed.id);
    expect(await ids(w.supervisor.token, 'open')).toEqual(expect.arrayContaining([halfway.id, lapsed.id]));
    expect(await ids(w.supervisor.token, 'open')).not.toContain(revealed.id);
  });

  it('is ready when the last participant submits the last call, not before', async () => {
    const [a, b] = [await call(), await call()];
    const s = await session({ recordings: [a, b] });
    await score(w.i1, a);
    await score(w.i1, b);
    await score(w.i2, a);
    expect(await ids(w.supervisor.token, 'ready')).not.toContain(s.id);
    expect((await get(w.supervisor.token, s.id)).body.readyToReveal).toBe(false);
    await score(w.i2, b);
    expect(await ids(w.supervisor.token, 'ready')).toContain(s.id);
    expect((await get(w.supervisor.token, s.id)).body.readyToReveal).toBe(true);
    expect((await reveal(w.supervisor.token, s.id)).body.readyToReveal).toBe(false);
    expect(await ids(w.supervisor.token, 'ready')).not.toContain(s.id);
  });

  it('keeps other projects’ sessions out of a supervisor’s ready list, and an inspector’s to his own', async () => {
    const s = await session({ recordings: [await call()] });
    await sql(`UPDATE calibration_sessions SET deadline = $2 WHERE id = $1`, [s.id, yesterday()]);
    expect(await ids(w.supervisor.token, 'ready')).toContain(s.id);
    expect(await ids(w.elsewhere.token, 'ready')).not.toContain(s.id);
    expect(await ids(w.i1.token, 'ready')).toContain(s.id);
    expect(await ids(w.i3.token, 'ready')).not.toContain(s.id);
    expect((await t.as(w.lead.token).get('/api/calibration-sessions?status=ready')).status).toBe(403);
  });

  it.each([
    ['an unknown status', 'status=soon'],
    ['an empty status', 'status='],
    ['a status given twice', 'status=ready&status=open'],
  ])('refuses %s: 400 naming status', async (_, query) => {
    const res = await t.as(w.supervisor.token).get(`/api/calibration-sessions?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('status');
  });
});

describe('guidance into the next checklist draft', () => {
  let s: { id: string };
  beforeAll(async () => {
    const a = await call();
    s = await session({ recordings: [a] });
    await score(w.i1, a, { CONFIRM: 'fail' });
    await score(w.i2, a);
  });

  it('refuses guidance before the reveal: 409 CALIBRATION_STATE', async () => {
    const res = await guidance(w.supervisor.token, s.id, [{ code: 'CONFIRM', text: '只要问到是否解释清楚即可' }]);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CALIBRATION_STATE', params: { status: 'open' } });
  });

  const bad: [string, string, unknown][] = [
    ['no items', 'items', []],
    ['items that are not a list', 'items', 'CONFIRM'],
    ['an unknown item code', 'items[0].code', [{ code: 'NOPE', text: '说明文字' }]],
    [
      'an item given twice',
      'items[1].code',
      [
        { code: 'CONFIRM', text: '说明文字' },
        { code: 'CONFIRM', text: '又一次' },
      ],
    ],
    ['an empty text', 'items.0.text', [{ code: 'CONFIRM', text: '' }]],
    ['a text of spaces', 'items[0].text', [{ code: 'CONFIRM', text: '    ' }]],
    ['no code', 'items.0.code', [{ text: '说明文字' }]],
  ];
  it.each(bad)('answers 400 naming the field for %s, writing nothing', async (_title, field, items) => {
    await reveal(w.supervisor.token, s.id);
    const res = await guidance(w.supervisor.token, s.id, items);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await sql(`SELECT 1 FROM calibration_guidance WHERE "sessionId" = $1`, [s.id])).toHaveLength(0);
  });

  it('writes each item’s guidance as its scoring note in the draft (started when there is none), shown once published', async () => {
    await reveal(w.supervisor.token, s.id);
    await sql(`DELETE FROM checklist_versions WHERE status = 'draft'`);
    const note = '“是否解释清楚”或“有没有听明白”都算确认；只说“好的”不算';
    const res = await guidance(w.supervisor.token, s.id, [{ code: 'CONFIRM', text: ` ${note} ` }]);
    expect(res.status).toBe(200);
    const active = (await t.as(t.adminToken).get('/api/checklists/active')).body;
    expect(res.body.guidance).toEqual([expect.objectContaining({ code: 'CONFIRM', text: note, by: w.supervisor.username, draftVersion: active.version + 1 })]);
    const confirm = res.body.results.items.find((i: { code: string }) => i.code === 'CONFIRM');
    expect(confirm.guidance).toBe(note);
    const versions = (await t.as(t.adminToken).get('/api/checklists')).body.items;
    const draft = versions.find((v: { status: string }) => v.status === 'draft');
    expect(draft.version).toBe(active.version + 1);
    const sections = (await t.as(t.adminToken).get(`/api/checklists/${draft.id}`)).body.sections;
    const items = sections.flatMap((x: { items: { code: string; scoringNote?: string }[] }) => x.items);
    expect(items.find((i: { code: string }) => i.code === 'CONFIRM').scoringNote).toBe(note);
    expect(items.filter((i: { scoringNote?: string }) => i.scoringNote)).toHaveLength(1);
    // Written again: the same draft, the note replaced, never a second draft.
    const again = await guidance(w.supervisor.token, s.id, [{ code: 'CONFIRM', text: '以确认话术为准' }]);
    expect(again.body.guidance[0]).toMatchObject({ text: '以确认话术为准', draftVersion: draft.version });
    const drafts = (await t.as(t.adminToken).get('/api/checklists')).body.items.filter((v: { status: string }) => v.status === 'draft');
    expect(drafts).toHaveLength(1);
    // Published, the workspace's checklist (the active version) carries the note beside the item.
    const published = await t.as(t.adminToken).post(`/api/checklists/${draft.id}/publish`).send({});
    expect(published.status).toBe(200);
    const now = (await t.as(w.i1.token).get('/api/checklists/active')).body;
    expect(
      now.sections.flatMap((x: { items: { code: string; scoringNote?: string }[] }) => x.items).find((i: { code: string }) => i.code === 'CONFIRM').scoringNote,
    ).toBe('以确认话术为准');
  });
});

describe('calibration evaluations never count', () => {
  it('leaves them out of the reports summary, the dashboard’s teams, KPI grades and the listening queue', async () => {
    const b = builders(t);
    const team = await b.team(w.project.code);
    const agent = await b.agent(team.code);
    const a = await recordingFor(t, agent.employeeNo, { startedAt: `${DAY}T11:00:00+08:00` });
    const s = await session({ recordings: [a] });
    await score(w.i1, a, { GREETING: 'fail' });
    await score(w.i2, a, { FORBIDDEN: 'fail' });
    await reveal(w.supervisor.token, s.id);
    const range = `project=${w.project.code}&from=${DAY}&to=${DAY}&team=${team.code}`;
    const summary = (await t.as(w.supervisor.token).get(`/api/reports/summary?${range}`)).body;
    expect(summary).toMatchObject({ evaluations: 0, averageScore: null });
    const teams = (await t.as(w.supervisor.token).get(`/api/reports/teams?project=${w.project.code}&from=${DAY}&to=${DAY}`)).body.teams;
    expect(teams.find((x: { team: string }) => x.team === team.code)?.evaluations ?? 0).toBe(0);
    const grades = (await t.as(w.supervisor.token).get(`/api/kpi/grades?quarter=2026-Q4&project=${w.project.code}`)).body.items;
    expect(grades.find((g: { agent: string }) => g.agent === agent.employeeNo)).toMatchObject({ qaScore: null });
    expect((await t.as(w.supervisor.token).get(`/api/coaching-items?agent=${agent.employeeNo}`)).body.total).toBe(0);
    const problems = (await t.as(w.supervisor.token).get(`/api/reports/problems?project=${w.project.code}&from=${DAY}&to=${DAY}`)).body.teams;
    expect(problems.find((x: { team: string }) => x.team === team.code)?.evaluatedAgents ?? 0).toBe(0);
    // A daily evaluation of the same call counts as usual: the figures are not simply empty.
    await t
      .as(w.i3.token)
      .post('/api/evaluations')
      .send({ recordingId: a, source: 'daily', items: await allItems(t) });
    const after = (await t.as(w.supervisor.token).get(`/api/reports/summary?${range}`)).body;
    expect(after).toMatchObject({ evaluations: 1, averageScore: 100 });
  });
});

describe('calibration evaluations are not sampling progress', () => {
  it('leaves a sampled call undone in the inspector’s queue when he scores it in a calibration session, done once scored daily', async () => {
    const b = builders(t);
    const project = await b.project();
    const team = await b.team(project.code);
    const newHire = await b.agent(team.code, { hiredAt: '2026-10-01', grade: 'C' });
    const [inspector, colleague, supervisor] = await Promise.all([
      b.user({ roles: ['inspector'], projects: [project.code] }),
      b.user({ roles: ['inspector'], projects: [project.code] }),
      b.user({ roles: ['supervisor'], projects: [project.code] }),
    ]);
    const SAMPLED = '2026-11-20';
    for (let i = 0; i < 4; i++) {
      const res = await t
        .as(t.adminToken)
        .post('/api/recordings')
        .attach('audio', toneWav(31), 'c.wav') // the plan's default minimum is 30 s
        .field(
          'metadata',
          JSON.stringify({ externalId: `cal-q-${Date.now()}-${i}`, agent: newHire.employeeNo, startedAt: `${SAMPLED}T10:0${i}:00+08:00`, direction: 'inbound' }),
        );
      expect(res.status).toBe(201);
    }
    await t.as(t.adminToken).post('/api/sampling/runs').send({ project: project.code, date: SAMPLED }).expect(201);
    // The picks are spread over both inspectors: take one of his.
    const queue = async () =>
      (await t.as(inspector.token).get(`/api/sampling/queue?date=${SAMPLED}`)).body as { done: number; items: { recordingId: string; done: boolean }[] };
    const mine = (await queue()).items[0].recordingId;
    const s = await session({ recordings: [mine], participants: [inspector.username, colleague.username] }, supervisor.token);
    expect(s.id).toBeTruthy();
    await score(inspector, mine, { GREETING: 'fail' });
    expect((await queue()).done).toBe(0);
    expect((await queue()).items.find((i) => i.recordingId === mine)?.done).toBe(false);
    await t
      .as(inspector.token)
      .post('/api/evaluations')
      .send({ recordingId: mine, source: 'daily', items: await allItems(t) })
      .expect(201);
    expect((await queue()).done).toBe(1);
  }, 60_000);
});

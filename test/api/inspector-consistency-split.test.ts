import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '#shared/dates.js';
import { wilsonInterval } from '#shared/rectification/failure-rate.js';
import { politeTranscript, toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Issue 15 on the inspector-consistency page: per inspector, the calibration agreement (his verdicts in
 * the revealed sessions of the period against each session's reference) and the machine agreement split
 * honestly: on his blind evaluations only (the machine's verdict hidden until submit) against how often
 * he overturned a suggestion he was shown. Against a hand-built fixture.
 */

let t: TestApp;
type User = { id: string; username: string; token: string };
type Verdict = 'pass' | 'fail';
let w: {
  project: { id: string; code: string };
  agent: string;
  i1: User;
  i2: User;
  i3: User;
  supervisor: User;
  elsewhere: User;
  /** How many of i1's sampled calls were blind, and how many showed the suggestion. */
  blind: number;
  suggested: number;
  items: number;
};
const today = () => localDateOf(new Date(), process.env.TZ);
const yesterday = () => localDateOf(new Date(Date.now() - 86_400_000), process.env.TZ);
let seq = 0;
/** A 31-s call (the sampling plan's default minimum is 30 s) of the agent at that time, with a polite transcript. */
async function longCall(agent: string, startedAt: string): Promise<string> {
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(31), 'c.wav')
    .field('metadata', JSON.stringify({ externalId: `split-${Date.now()}-${++seq}`, agent, startedAt, direction: 'inbound' }))
    .field('transcript', JSON.stringify(politeTranscript()));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id;
}
const flip = (v: Verdict): Verdict => (v === 'pass' ? 'fail' : 'pass');

async function machineGreeting(recordingId: string): Promise<Verdict> {
  const results = await waitFor(async () => (await t.as(t.adminToken).get(`/api/recordings/${recordingId}/auto-checks`)).body.results, {
    timeoutMs: 30_000,
    what: 'the automatic checks',
  });
  const verdict = results.find((r: { code: string }) => r.code === 'GREETING').verdict;
  expect(['pass', 'fail']).toContain(verdict);
  return verdict;
}

async function evaluate(user: User, recordingId: string, verdicts: Record<string, Verdict>, source: 'daily' | 'calibration') {
  const res = await t
    .as(user.token)
    .post('/api/evaluations')
    .send({ recordingId, source, items: await allItems(t, verdicts) });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string; blind: boolean };
}

beforeAll(async () => {
  t = await startTestApp();
  const b = builders(t);
  const project = await b.project();
  const team = await b.team(project.code);
  const other = await b.project();
  const agents = [await b.agent(team.code, { hiredAt: '2020-01-01', grade: 'A' }), await b.agent(team.code, { hiredAt: '2020-01-01', grade: 'A' })];
  const agents2 = [await b.agent(team.code, { hiredAt: '2020-01-01', grade: 'A' }), await b.agent(team.code, { hiredAt: '2020-01-01', grade: 'A' })];
  const agent = agents[0].employeeNo;
  const i1 = await b.user({ roles: ['inspector'], projects: [project.code] });
  const supervisor = await b.user({ roles: ['supervisor'], projects: [project.code] });
  const elsewhere = await b.user({ roles: ['supervisor'], projects: [other.code] });

  // Yesterday's calls, sampled with half of them blind, all to i1 (the project's only inspector so far).
  const day = yesterday();
  for (const a of [...agents, ...agents2]) for (let n = 0; n < 3; n++) await longCall(a.employeeNo, `${day}T1${n}:00:00+08:00`);
  expect((await t.as(supervisor.token).put(`/api/projects/${project.id}/blind-share`).send({ share: 0.5 })).status).toBe(200);
  expect((await t.as(supervisor.token).post('/api/sampling/runs').send({ project: project.code, date: day })).status).toBe(201);
  const queue = (await t.as(i1.token).get('/api/sampling/queue').query({ date: day })).body.items as { recordingId: string; blind: boolean }[];
  const blindCalls = queue.filter((a) => a.blind);
  const shownCalls = queue.filter((a) => !a.blind);
  expect(blindCalls.length).toBeGreaterThanOrEqual(2);
  expect(shownCalls.length).toBeGreaterThanOrEqual(2);
  // Blind: he agrees with the machine's greeting on the first call only. Shown: he overturns it on the first call only.
  for (const [n, a] of blindCalls.entries()) {
    const machine = await machineGreeting(a.recordingId);
    expect((await evaluate(i1, a.recordingId, { GREETING: n === 0 ? machine : flip(machine) }, 'daily')).blind).toBe(true);
  }
  for (const [n, a] of shownCalls.entries()) {
    const machine = await machineGreeting(a.recordingId);
    expect((await evaluate(i1, a.recordingId, { GREETING: n === 0 ? flip(machine) : machine }, 'daily')).blind).toBe(false);
  }

  // Calibration: two colleagues join; one session of two calls scored by the three, revealed; i1 fails one greeting the other two pass.
  const [i2, i3] = [await b.user({ roles: ['inspector'], projects: [project.code] }), await b.user({ roles: ['inspector'], projects: [project.code] })];
  const calls = [await recordingFor(t, agent), await recordingFor(t, agent)];
  const body = (title: string) => ({ title, recordings: calls, participants: [i1.username, i2.username, i3.username], deadline: today() });
  const session = (await t.as(supervisor.token).post('/api/calibration-sessions').send(body('问候语校准')).expect(201)).body;
  for (const user of [i1, i2, i3]) for (const [n, r] of calls.entries()) await evaluate(user, r, user === i1 && n === 0 ? { GREETING: 'fail' } : {}, 'calibration');
  expect((await t.as(supervisor.token).post(`/api/calibration-sessions/${session.id}/reveal`).send({})).status).toBe(200);
  // A second session i1 scores but nobody reveals: it never counts.
  const open = (await t.as(supervisor.token).post('/api/calibration-sessions').send(body('未揭晓的校准')).expect(201)).body;
  for (const r of calls) await evaluate(i1, r, { GREETING: 'fail', CLOSING: 'fail' }, 'calibration');
  expect(open.id).toBeTruthy();
  const items = (await allItems(t)).length;
  w = { project, agent, i1, i2, i3, supervisor, elsewhere, blind: blindCalls.length, suggested: shownCalls.length, items };
});
afterAll(() => t?.close());

const get = (inspector: string, range = `from=${yesterday()}&to=${today()}`, token = w.supervisor.token) =>
  t.as(token).get(`/api/reports/inspector-consistency?project=${w.project.code}&inspector=${inspector}&${range}`);

const shareOf = (count: number, total: number) => {
  const { rate, low, high } = wilsonInterval(count, total);
  return { total, count, rate, low, high };
};

describe('machine agreement, split honestly', () => {
  it('gives the agreement on blind evaluations only, and the overturn rate where the suggestion was shown', async () => {
    const res = await get(w.i1.username);
    expect(res.status).toBe(200);
    const greeting = res.body.rules.find((r: { code: string }) => r.code === 'GREETING');
    expect(greeting.blind).toEqual(shareOf(1, w.blind));
    expect(greeting.overturned).toEqual(shareOf(1, w.suggested));
    // The figure over both together is still there, and is the sum of the two.
    expect(greeting.evaluated).toBe(w.blind + w.suggested);
    expect(greeting.agreed).toBe(1 + (w.suggested - 1));
  });

  it('counts calibration evaluations in neither', async () => {
    const greeting = (await get(w.i1.username)).body.rules.find((r: { code: string }) => r.code === 'GREETING');
    expect(greeting.blind.total + greeting.overturned.total).toBe(w.blind + w.suggested);
  });
});

describe('calibration agreement', () => {
  it('counts his verdicts in the revealed sessions against the session’s reference (here the majority)', async () => {
    const total = 2 * w.items;
    const i1 = (await get(w.i1.username)).body.totals.calibration;
    expect(i1).toEqual({ sessions: 1, ...shareOf(total - 1, total) });
    const i2 = (await get(w.i2.username)).body.totals.calibration;
    expect(i2).toEqual({ sessions: 1, ...shareOf(total, total) });
  });

  it('leaves out sessions revealed outside the period, and gives empty figures to who took part in none', async () => {
    const before = (await get(w.i1.username, `from=${yesterday()}&to=${yesterday()}`)).body.totals.calibration;
    expect(before).toEqual({ sessions: 0, ...shareOf(0, 0) });
    expect((await get(w.supervisor.username)).body.totals.calibration).toEqual({ sessions: 0, ...shareOf(0, 0) });
  });

  it('stays within the caller’s projects', async () => {
    const res = await get(w.i1.username, `from=${yesterday()}&to=${today()}`, w.elsewhere.token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('SCOPE_DENIED');
    const everywhere = await t.as(w.elsewhere.token).get(`/api/reports/inspector-consistency?project=*&inspector=${w.i1.username}&from=${yesterday()}&to=${today()}`);
    expect(everywhere.status).toBe(200);
    expect(everywhere.body.totals.calibration).toEqual({ sessions: 0, ...shareOf(0, 0) });
    expect(everywhere.body.rules).toEqual([]);
  });

  it.each([
    ['an inspector', () => w.i1.token],
    ['another inspector', () => w.i2.token],
  ])('is refused to %s', async (_, token) => {
    expect((await get(w.i1.username, `from=${yesterday()}&to=${today()}`, token())).status).toBe(403);
  });
});

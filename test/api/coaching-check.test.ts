import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { builders, twoProjects } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 10 "Effect checked": after coaching, the agent's next K (3) evaluations on the item's codes decide. */

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
});
afterAll(() => t?.close());

type Verdicts = Record<string, 'pass' | 'fail' | 'na'>;
type Item = Record<string, any>;

/** A fresh agent of team A (world.a.lead's team). */
const newAgent = async () => (await builders(t).agent(world.a.team.code)).employeeNo;

/** An inspector of project A submits an evaluation of a new call of the agent on `day`. */
async function evaluate(agent: string, day: string, verdicts: Verdicts = {}, source = 'daily') {
  const recordingId = await recordingFor(t, agent, { startedAt: `${day}T10:00:00+08:00` });
  const res = await t
    .as(world.a.inspector.token)
    .post('/api/evaluations')
    .send({ recordingId, source, items: await allItems(t, verdicts) });
  expect(res.status).toBe(201);
  return { recordingId, evaluationId: res.body.id as string };
}

const detail = async (id: string, token = world.a.lead.token): Promise<Item> => {
  const res = await t.as(token).get(`/api/coaching-items/${id}`);
  expect(res.status).toBe(200);
  return res.body;
};

const coach = (id: string, date: string, token = world.a.lead.token) =>
  t.as(token).post(`/api/coaching-items/${id}/sessions`).send({ date, said: '复听了问候语', commitment: '每通先问候' });

/** A coaching item of a new agent failing `codes` on 2026-11-02, coached on 2026-11-03. */
async function coachedItem(codes = ['GREETING']) {
  const agent = await newAgent();
  const { evaluationId } = await evaluate(agent, '2026-11-02', Object.fromEntries(codes.map((c) => [c, 'fail'])));
  const list = (await t.as(world.a.lead.token).get(`/api/coaching-items?agent=${agent}`)).body;
  const id = list.items.find((i: Item) => i.evaluationId === evaluationId).id as string;
  expect((await coach(id, '2026-11-03')).status).toBe(201);
  return { agent, id, evaluationId };
}

const amend = (evaluationId: string, items: { code: string; verdict: string }[]) =>
  t.as(world.supervisor.token).post(`/api/evaluations/${evaluationId}/amend`).send({ reason: '复核后修正', items });

describe('closing as improved', () => {
  it('closes the item after exactly K passing evaluations of later calls, not after K-1, each one linked', async () => {
    const { agent, id } = await coachedItem();
    const before = await detail(id);
    expect(before.check).toMatchObject({ since: '2026-11-03', needed: 3, passed: 0, outcome: 'pending', evaluations: [] });

    await evaluate(agent, '2026-11-03'); // the session's own day: not after it
    const first = await evaluate(agent, '2026-11-05', { CLOSING: 'fail' }); // fails another item only: a pass for this one
    const second = await evaluate(agent, '2026-11-06');
    let item = await detail(id);
    expect(item).toMatchObject({ status: 'coached', reopened: null });
    expect(item.check).toMatchObject({ passed: 2, needed: 3, outcome: 'pending' });
    expect(item.check.evaluations.map((e: Item) => e.evaluationId)).toEqual([first.evaluationId, second.evaluationId]);
    expect(item.check.evaluations[0]).toMatchObject({ recordingId: first.recordingId, callDate: '2026-11-05', passed: true, failedCodes: [] });

    const third = await evaluate(agent, '2026-11-07');
    item = await detail(id);
    expect(item).toMatchObject({ status: 'improved', reopened: null });
    expect(item.check).toMatchObject({ passed: 3, outcome: 'improved' });
    expect(item.check.evaluations.map((e: Item) => e.evaluationId)).toEqual([first.evaluationId, second.evaluationId, third.evaluationId]);
    expect(item.events).toEqual([expect.objectContaining({ kind: 'improved', evaluationId: third.evaluationId, recordingId: third.recordingId })]);

    // Decided: a later failure does not undo it (a new item covers it), and nothing more is recorded on it.
    await evaluate(agent, '2026-11-08', { GREETING: 'fail' });
    expect((await detail(id)).status).toBe('improved');
    const again = await coach(id, '2026-11-09');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('COACHING_ITEM_IMPROVED');
    const listed = (await t.as(world.a.lead.token).get(`/api/coaching-items?status=improved&agent=${agent}`)).body;
    expect(listed.items.map((i: Item) => i.id)).toEqual([id]);
  });

  it('leaves calibration evaluations and drafts out', async () => {
    const { agent, id } = await coachedItem();
    await evaluate(agent, '2026-11-05', {}, 'calibration');
    await evaluate(agent, '2026-11-05', { GREETING: 'fail' }, 'calibration');
    const recordingId = await recordingFor(t, agent, { startedAt: '2026-11-05T11:00:00+08:00' });
    await t.as(world.a.inspector.token).post('/api/evaluations/drafts').send({ recordingId, source: 'daily' }).expect(201);
    await evaluate(agent, '2026-11-05');
    await evaluate(agent, '2026-11-06');
    const item = await detail(id);
    expect(item).toMatchObject({ status: 'coached', check: { passed: 2, outcome: 'pending' } });
  });

  it('does not start before a one-to-one', async () => {
    const agent = await newAgent();
    const { evaluationId } = await evaluate(agent, '2026-11-02', { GREETING: 'fail' });
    for (const day of ['2026-11-05', '2026-11-06', '2026-11-07']) await evaluate(agent, day);
    const item = (await t.as(world.a.lead.token).get(`/api/coaching-items?agent=${agent}`)).body.items.find((i: Item) => i.evaluationId === evaluationId);
    expect(item.status).toBe('open');
    expect((await detail(item.id)).check).toBeNull();
  });
});

describe('reopening when the defect comes back', () => {
  it('reopens the item with the evaluation that failed, shows it to the lead’s open list and badge, and keeps the history', async () => {
    const { agent, id } = await coachedItem(['GREETING', 'B1']);
    const openBefore = (await t.as(world.a.lead.token).get('/api/coaching-items?status=open&pageSize=1')).body.total;
    await evaluate(agent, '2026-11-05');
    const failed = await evaluate(agent, '2026-11-06', { B1: 'fail', CLOSING: 'fail' });

    const item = await detail(id);
    expect(item.status).toBe('open');
    expect(item.reopened).toMatchObject({ evaluationId: failed.evaluationId, recordingId: failed.recordingId, codes: ['B1'] });
    expect(new Date(item.reopened.at).toISOString()).toBe(item.reopened.at);
    expect(item.check).toMatchObject({ outcome: 'reopened', passed: 1 });
    expect(item.check.evaluations.at(-1)).toMatchObject({ evaluationId: failed.evaluationId, passed: false, failedCodes: ['B1'] });
    expect(item.events).toEqual([expect.objectContaining({ kind: 'reopened', evaluationId: failed.evaluationId, codes: ['B1'] })]);
    expect(item.sessions).toHaveLength(1);

    // What the menu badge and the list ask for: the open items, this one among them with why.
    const open = (await t.as(world.a.lead.token).get('/api/coaching-items?status=open&pageSize=500')).body;
    expect(open.total).toBe(openBefore + 2); // this one, and the new item of the failing evaluation
    expect(open.items.find((i: Item) => i.id === id)).toMatchObject({ status: 'open', reopened: { evaluationId: failed.evaluationId, codes: ['B1'] } });

    // Coaching again starts a new check, from a day not before the call that failed.
    const early = await coach(id, '2026-11-05');
    expect(early.status).toBe(400);
    expect(early.body.message).toContain('date');
    const res = await coach(id, '2026-11-06');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'coached', reopened: null, check: { since: '2026-11-06', passed: 0, outcome: 'pending' } });
    expect(res.body.sessions).toHaveLength(2);
    expect(res.body.events.map((e: Item) => e.kind)).toEqual(['reopened']);
  });

  it('keeps another team’s lead and another project’s inspector out (403, 404 for an unknown id)', async () => {
    const { id } = await coachedItem();
    const otherLead = await builders(t).user({ roles: ['team_lead'], teams: [world.a.otherTeam.code] });
    for (const token of [world.b.lead.token, otherLead.token, world.b.inspector.token]) {
      expect((await t.as(token).get(`/api/coaching-items/${id}`)).status).toBe(403);
      expect((await coach(id, '2026-11-04', token)).status).toBe(403);
    }
    expect((await t.as(world.a.lead.token).get('/api/coaching-items/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.as(world.b.lead.token).get('/api/coaching-items?status=improved')).body.items).toEqual([]);
  });
});

describe('an amendment decides again, counting nothing twice', () => {
  it('takes back a reopening when the failing evaluation is amended to pass, and reopens an improved item when a counted pass becomes a failure', async () => {
    const { agent, id } = await coachedItem();
    const first = await evaluate(agent, '2026-11-05');
    const failed = await evaluate(agent, '2026-11-06', { GREETING: 'fail' });
    expect((await detail(id)).status).toBe('open');

    expect((await amend(failed.evaluationId, [{ code: 'GREETING', verdict: 'pass' }])).status).toBe(200);
    let item = await detail(id);
    expect(item).toMatchObject({ status: 'coached', reopened: null, check: { passed: 2, outcome: 'pending' } });
    expect(item.events.map((e: Item) => e.kind)).toEqual(['reopened', 'checking']);

    // Amending a counted pass without changing it counts it once still.
    expect((await amend(first.evaluationId, [{ code: 'CLOSING', verdict: 'fail' }])).status).toBe(200);
    expect((await detail(id)).check).toMatchObject({ passed: 2, outcome: 'pending' });

    await evaluate(agent, '2026-11-07');
    expect((await detail(id)).status).toBe('improved');

    expect((await amend(first.evaluationId, [{ code: 'GREETING', verdict: 'fail' }])).status).toBe(200);
    item = await detail(id);
    expect(item).toMatchObject({ status: 'open', reopened: { evaluationId: first.evaluationId, codes: ['GREETING'] }, check: { passed: 0, outcome: 'reopened' } });
    expect(item.events.map((e: Item) => e.kind)).toEqual(['reopened', 'checking', 'improved', 'reopened']);
  });
});

describe('sampling adds coaching-check calls only while the check needs them', () => {
  let seq = 0;
  const long = toneWav(31); // long enough for the sampling plan's default minimum (30 s)
  async function ingest(agent: string, day: string) {
    const res = await t
      .as(t.adminToken)
      .post('/api/recordings')
      .attach('audio', long, 'c.wav')
      .field(
        'metadata',
        JSON.stringify({ externalId: `cc-${Date.now()}-${++seq}`, agent, startedAt: `${day}T09:${String(seq % 60).padStart(2, '0')}:00+08:00`, direction: 'inbound' }),
      );
    expect(res.status).toBe(201);
  }
  type Run = { assignments: { agent: string; reason: string }[] };
  const sample = async (project: string, date: string) => {
    const res = await t.as(t.adminToken).post('/api/sampling/runs').send({ project, date });
    expect(res.status).toBe(201);
    return res.body as Run;
  };
  const reasonsOf = (run: Run, agent: string) =>
    run.assignments
      .filter((a) => a.agent === agent)
      .map((a) => a.reason)
      .sort();

  it('adds one call of the coached agent from the day after the session until K later calls are evaluated or assigned', async () => {
    const b = builders(t);
    const project = await b.project();
    const team = await b.team(project.code);
    const veteran = { hiredAt: '2020-01-01', grade: 'A' };
    const [coached, uncoached, waiting] = [await b.agent(team.code, veteran), await b.agent(team.code, veteran), await b.agent(team.code, veteran)];
    const [inspector, lead] = await Promise.all([b.user({ roles: ['inspector'], projects: [project.code] }), b.user({ roles: ['team_lead'], teams: [team.code] })]);
    const items: Record<string, string> = {};
    for (const a of [coached, waiting]) {
      const recordingId = await recordingFor(t, a.employeeNo, { startedAt: '2026-11-01T10:00:00+08:00' });
      const res = await t
        .as(inspector.token)
        .post('/api/evaluations')
        .send({ recordingId, source: 'daily', items: await allItems(t, { GREETING: 'fail' }) });
      expect(res.status).toBe(201);
      items[a.employeeNo] = (await t.as(lead.token).get(`/api/coaching-items?agent=${a.employeeNo}`)).body.items[0].id;
    }
    // Only `coached` has a one-to-one; `waiting`'s item is open, `uncoached` has none.
    expect((await coach(items[coached.employeeNo], '2026-11-03', lead.token)).status).toBe(201);
    for (const day of ['2026-11-03', '2026-11-04', '2026-11-05'])
      for (const a of [coached, uncoached, waiting]) for (let i = 0; i < 4; i++) await ingest(a.employeeNo, day);

    const sessionDay = await sample(project.code, '2026-11-03'); // calls of the session's own day do not count
    for (const a of [coached, uncoached, waiting]) expect(reasonsOf(sessionDay, a.employeeNo)).toEqual(['random', 'random']);

    const next = await sample(project.code, '2026-11-04');
    expect(reasonsOf(next, coached.employeeNo)).toEqual(['coaching-check', 'random', 'random']);
    expect(reasonsOf(next, uncoached.employeeNo)).toEqual(['random', 'random']);
    expect(reasonsOf(next, waiting.employeeNo)).toEqual(['random', 'random']);

    // Three later calls are assigned now: enough for the check, so no more are added.
    const after = await sample(project.code, '2026-11-05');
    expect(reasonsOf(after, coached.employeeNo)).toEqual(['random', 'random']);
  });
});

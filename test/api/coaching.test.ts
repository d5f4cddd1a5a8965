import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { builders, twoProjects } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
});
afterAll(() => t?.close());

type Verdicts = Record<string, 'pass' | 'fail' | 'na'>;

/** An inspector of project A submits a finished evaluation of a fresh call of the agent. */
async function submitted(verdicts: Verdicts, over: { agent?: string; source?: string; token?: string; startedAt?: string } = {}) {
  const recordingId = await recordingFor(t, over.agent ?? world.a.agent.employeeNo, over.startedAt ? { startedAt: over.startedAt } : {});
  const items = (await allItems(t, verdicts)).map((i: { code: string; verdict: string }) => (i.verdict === 'fail' ? { ...i, comment: `${i.code} 未做到`, at: 3.5 } : i));
  const res = await t
    .as(over.token ?? world.a.inspector.token)
    .post('/api/evaluations')
    .send({ recordingId, source: over.source ?? 'daily', items });
  expect(res.status).toBe(201);
  return { recordingId, evaluationId: res.body.id as string };
}

const itemsOf = async (token: string, query = '') => {
  const res = await t.as(token).get(`/api/coaching-items${query}`);
  expect(res.status).toBe(200);
  return res.body as { total: number; items: Record<string, unknown>[] };
};

describe('GET /api/coaching-items (CONTRACT.md "Follow-up: coaching")', () => {
  it('lists the coaching item of a failed evaluation to the lead as soon as the submit answers, in the contract shape', async () => {
    const { recordingId, evaluationId } = await submitted({ GREETING: 'fail', B1: 'fail' });
    const list = await itemsOf(world.a.lead.token, `?agent=${world.a.agent.employeeNo}`);
    expect(Object.keys(list).sort()).toEqual(['items', 'total']);
    const item = list.items.find((i) => i.evaluationId === evaluationId);
    expect(item).toMatchObject({ agent: world.a.agent.employeeNo, team: world.a.team.code, evaluationId, recordingId, codes: ['GREETING', 'B1'], status: 'open' });
    for (const key of ['id', 'agent', 'team', 'evaluationId', 'recordingId', 'codes', 'status', 'createdAt']) expect(item).toHaveProperty(key);
    expect(new Date(item!.createdAt as string).toISOString()).toBe(item!.createdAt);
  });

  it('creates nothing when every item passes, nor for a calibration evaluation', async () => {
    const passed = await submitted({});
    const calibration = await submitted({ B2: 'fail' }, { source: 'calibration' });
    const list = await itemsOf(t.adminToken, `?agent=${world.a.agent.employeeNo}&pageSize=500`);
    expect(list.items.map((i) => i.evaluationId)).not.toContain(passed.evaluationId);
    expect(list.items.map((i) => i.evaluationId)).not.toContain(calibration.evaluationId);
  });

  it('creates the item when a workspace draft is submitted', async () => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const api = t.as(world.a.inspector.token);
    const draft = (await api.post('/api/evaluations/drafts').send({ recordingId, source: 'daily' })).body;
    const saved = await api.put(`/api/evaluations/${draft.id}`).send({ revision: draft.revision, items: await allItems(t, { CONFIRM: 'fail' }) });
    expect(saved.status).toBe(200);
    expect((await itemsOf(world.a.lead.token, `?agent=${world.a.agent.employeeNo}&pageSize=500`)).items.map((i) => i.evaluationId)).not.toContain(draft.id);
    expect((await api.post(`/api/evaluations/${draft.id}/submit`).send({ revision: saved.body.revision })).status).toBe(200);
    const item = (await itemsOf(world.a.lead.token, `?agent=${world.a.agent.employeeNo}&pageSize=500`)).items.find((i) => i.evaluationId === draft.id);
    expect(item).toMatchObject({ recordingId, codes: ['CONFIRM'], status: 'open' });
  });

  it('lists newest and fatal first', async () => {
    const team = await builders(t).team(world.a.project.code);
    const agent = await builders(t).agent(team.code);
    const first = await submitted({ B1: 'fail' }, { agent: agent.employeeNo });
    const fatal = await submitted({ FORBIDDEN: 'fail' }, { agent: agent.employeeNo });
    const newest = await submitted({ B2: 'fail' }, { agent: agent.employeeNo });
    const list = await itemsOf(t.adminToken, `?team=${team.code}`);
    expect(list.total).toBe(3);
    expect(list.items.map((i) => i.evaluationId)).toEqual([fatal.evaluationId, newest.evaluationId, first.evaluationId]);
    expect(list.items[0]).toMatchObject({ fatal: true, codes: ['FORBIDDEN'] });
    const page = await itemsOf(t.adminToken, `?team=${team.code}&pageSize=1&page=2`);
    expect(page).toMatchObject({ total: 3, items: [{ evaluationId: newest.evaluationId }] });
  });

  it('keeps each lead to his teams and each inspector to his projects', async () => {
    const { evaluationId } = await submitted({ GREETING: 'fail' });
    const ids = async (token: string) => (await itemsOf(token, '?pageSize=500')).items.map((i) => i.evaluationId);
    expect(await ids(world.a.lead.token)).toContain(evaluationId);
    expect(await ids(world.a.inspector.token)).toContain(evaluationId);
    expect(await ids(world.supervisor.token)).toContain(evaluationId);
    expect(await ids(world.b.lead.token)).not.toContain(evaluationId);
    expect(await ids(world.b.inspector.token)).not.toContain(evaluationId);
    const otherLead = await builders(t).user({ roles: ['team_lead'], teams: [world.a.otherTeam.code] });
    expect(await ids(otherLead.token)).not.toContain(evaluationId);

    expect((await t.as(world.a.lead.token).get(`/api/coaching-items?team=${world.b.team.code}`)).status).toBe(403);
    expect((await t.as(world.a.lead.token).get(`/api/coaching-items?team=${world.a.otherTeam.code}`)).status).toBe(403);
    expect((await t.as(world.a.lead.token).get(`/api/coaching-items?agent=${world.b.agent.employeeNo}`)).status).toBe(403);
    expect((await t.as(world.a.lead.token).get(`/api/coaching-items?team=NOPE`)).status).toBe(403);
    expect((await t.as(t.adminToken).get(`/api/coaching-items?team=NOPE`)).status).toBe(400);
  });

  it('filters by status and answers 400 naming a bad one', async () => {
    const { evaluationId } = await submitted({ B1: 'fail' });
    expect((await itemsOf(world.a.lead.token, '?status=open&pageSize=500')).items.map((i) => i.evaluationId)).toContain(evaluationId);
    expect((await itemsOf(world.a.lead.token, '?status=resolved&pageSize=500')).items.map((i) => i.evaluationId)).not.toContain(evaluationId);
    const bad = await t.as(world.a.lead.token).get('/api/coaching-items?status=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('status');
    expect((await t.as(world.a.lead.token).get('/api/coaching-items?pageSize=0')).status).toBe(400);
  });

  it('follows an amendment without counting twice, and resolves the item when nothing fails any more', async () => {
    const { evaluationId } = await submitted({ B1: 'fail' });
    const amend = (items: { code: string; verdict: string }[]) =>
      t.as(world.supervisor.token).post(`/api/evaluations/${evaluationId}/amend`).send({ reason: '复核后修正', items });
    const mine = async () => (await itemsOf(world.a.lead.token, `?agent=${world.a.agent.employeeNo}&pageSize=500`)).items.filter((i) => i.evaluationId === evaluationId);

    expect((await amend([{ code: 'B2', verdict: 'fail' }])).status).toBe(200);
    let items = await mine();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ codes: ['B1', 'B2'], status: 'open' });
    const detail = (await t.as(world.a.lead.token).get(`/api/coaching-items/${items[0].id}`)).body;
    expect(detail.defects.map((d: { code: string }) => d.code)).toEqual(['B1', 'B2']);

    expect((await amend([{ code: 'B2', verdict: 'fail' }])).status).toBe(200);
    expect((await t.as(world.a.lead.token).get(`/api/coaching-items/${items[0].id}`)).body.defects).toHaveLength(2);

    expect(
      (
        await amend([
          { code: 'B1', verdict: 'pass' },
          { code: 'B2', verdict: 'pass' },
        ])
      ).status,
    ).toBe(200);
    items = await mine();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'resolved' });
    expect((await t.as(world.a.lead.token).get(`/api/coaching-items/${items[0].id}`)).body.defects).toEqual([]);

    expect((await amend([{ code: 'FORBIDDEN', verdict: 'fail' }])).status).toBe(200);
    expect((await mine())[0]).toMatchObject({ status: 'open', codes: ['FORBIDDEN'], fatal: true });
  });

  it('is refused to a role without coaching.read', async () => {
    const maintainer = await builders(t).user({ roles: ['faq_maintainer'] });
    expect((await t.as(maintainer.token).get('/api/coaching-items')).status).toBe(403);
    expect((await t.anonymous.get('/api/coaching-items')).status).toBe(401);
  });
});

/** The coaching item of a fresh failed evaluation of agent A, as the lead lists it. */
async function openItem(verdicts: Verdicts = { GREETING: 'fail', FORBIDDEN: 'fail' }) {
  const { recordingId, evaluationId } = await submitted(verdicts);
  const item = (await itemsOf(world.a.lead.token, `?agent=${world.a.agent.employeeNo}&pageSize=500`)).items.find((i) => i.evaluationId === evaluationId)!;
  return { id: item.id as string, recordingId, evaluationId };
}

const session = (over: Record<string, unknown> = {}) => ({ date: '2026-11-21', said: '复听了开头，问候语漏了', commitment: '每通电话先问候再报工号', ...over });

describe('GET /api/coaching-items/:id', () => {
  it('answers the item with its defects (title, comment, moment, call) and the agent’s earlier defects on those items', async () => {
    const earlier = await submitted({ GREETING: 'fail' });
    const { id, recordingId, evaluationId } = await openItem();
    const res = await t.as(world.a.lead.token).get(`/api/coaching-items/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, evaluationId, recordingId, codes: ['GREETING', 'FORBIDDEN'], fatal: true, status: 'open', sessions: [], acknowledgedAt: null });
    expect(res.body.defects).toEqual([
      expect.objectContaining({ code: 'GREETING', critical: false, comment: 'GREETING 未做到', at: 3.5, recordingId, evaluationId }),
      expect.objectContaining({ code: 'FORBIDDEN', critical: true, comment: 'FORBIDDEN 未做到', at: 3.5, recordingId }),
    ]);
    for (const d of res.body.defects) expect(d.title).toEqual(expect.any(String));
    expect(res.body.defects[0].title).not.toBe('GREETING');
    expect(res.body.history.map((h: { evaluationId: string }) => h.evaluationId)).toContain(earlier.evaluationId);
    expect(res.body.history.map((h: { evaluationId: string }) => h.evaluationId)).not.toContain(evaluationId);
  });

  it('gives each defect the machine’s evidence on the call where there is some, masked for the lead', async () => {
    const ingest = await t
      .as(t.adminToken)
      .post('/api/recordings')
      .attach('audio', toneWav(20), 'call.wav')
      .field(
        'metadata',
        JSON.stringify({ externalId: `evidence-${Date.now()}`, agent: world.a.agent.employeeNo, startedAt: '2026-11-20T10:00:00+08:00', direction: 'inbound' }),
      )
      .field(
        'transcript',
        JSON.stringify({
          segments: [
            { speaker: 'agent', start: 0.5, end: 3, text: '您好，请问有什么可以帮您' },
            { speaker: 'customer', start: 3.5, end: 6, text: '我的号码是13812345678，话费怎么这么多' },
            { speaker: 'agent', start: 6.5, end: 10, text: '我不清楚，13812345678这个号码不归我管' },
          ],
        }),
      );
    expect(ingest.status).toBe(201);
    const recordingId = ingest.body.id as string;
    const items = await allItems(t, { FORBIDDEN: 'fail', B1: 'fail' });
    const submit = await t.as(world.a.inspector.token).post('/api/evaluations').send({ recordingId, source: 'daily', items });
    expect(submit.status).toBe(201);
    const item = (await itemsOf(world.a.lead.token, `?agent=${world.a.agent.employeeNo}&pageSize=500`)).items.find((i) => i.evaluationId === submit.body.id)!;
    const res = await t.as(world.a.lead.token).get(`/api/coaching-items/${item.id}`);
    expect(res.status).toBe(200);
    const forbidden = res.body.defects.find((d: { code: string }) => d.code === 'FORBIDDEN');
    expect(forbidden.evidence).toEqual([expect.objectContaining({ segment: 2, matched: '我不清楚' })]);
    expect(forbidden.evidence[0].start).toBeGreaterThanOrEqual(6.5);
    // B1 is scored by ear: no rule, no evidence.
    expect(res.body.defects.find((d: { code: string }) => d.code === 'B1').evidence).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('13812345678');
  });

  it('answers 404 for an unknown id, 400 for a malformed one and 403 to another team’s lead', async () => {
    const { id } = await openItem();
    expect((await t.as(world.a.lead.token).get('/api/coaching-items/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.as(world.a.lead.token).get('/api/coaching-items/abc')).status).toBe(400);
    expect((await t.as(world.b.lead.token).get(`/api/coaching-items/${id}`)).status).toBe(403);
    expect((await t.as(world.b.inspector.token).get(`/api/coaching-items/${id}`)).status).toBe(403);
    expect((await t.as(world.a.inspector.token).get(`/api/coaching-items/${id}`)).status).toBe(200);
  });
});

describe('POST /api/coaching-items/:id/sessions (the lead’s one-to-one)', () => {
  it('records the one-to-one with who held it, and the item becomes coached', async () => {
    const { id } = await openItem();
    const later = await recordingFor(t, world.a.agent.employeeNo, { startedAt: '2026-11-22T10:00:00+08:00' });
    const res = await t
      .as(world.a.lead.token)
      .post(`/api/coaching-items/${id}/sessions`)
      .send(session({ relistenRecordingId: later }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'coached', revision: 2 });
    expect(res.body.sessions).toEqual([
      expect.objectContaining({
        date: '2026-11-21',
        said: '复听了开头，问候语漏了',
        commitment: '每通电话先问候再报工号',
        relistenRecordingId: later,
        by: world.a.lead.username,
      }),
    ]);
    expect((await itemsOf(world.a.lead.token, `?status=coached&agent=${world.a.agent.employeeNo}&pageSize=500`)).items.map((i) => i.id)).toContain(id);
    // A second one-to-one is kept beside the first.
    expect(
      (
        await t
          .as(world.a.lead.token)
          .post(`/api/coaching-items/${id}/sessions`)
          .send(session({ date: '2026-11-25' }))
      ).body.sessions,
    ).toHaveLength(2);
  });

  it.each([
    ['no date', { date: undefined }, 'date'],
    ['a date that is not one', { date: '2026-02-30' }, 'date'],
    ['a date in the future', { date: '2999-01-01' }, 'date'],
    ['nothing said', { said: '' }, 'said'],
    ['no commitment', { commitment: undefined }, 'commitment'],
    ['a re-listen id that is not a UUID', { relistenRecordingId: 'abc' }, 'relistenRecordingId'],
    ['a re-listen of an unknown call', { relistenRecordingId: '00000000-0000-4000-8000-000000000000' }, 'relistenRecordingId'],
  ])('answers 400 for %s, naming the field', async (_title, over, field) => {
    const { id } = await openItem();
    const res = await t.as(world.a.lead.token).post(`/api/coaching-items/${id}/sessions`).send(session(over));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
    expect((await t.as(world.a.lead.token).get(`/api/coaching-items/${id}`)).body).toMatchObject({ status: 'open', sessions: [] });
  });

  it('refuses a re-listen of another agent’s call or of an earlier call', async () => {
    const { id } = await openItem();
    const colleague = await builders(t).agent(world.a.team.code);
    const theirs = await recordingFor(t, colleague.employeeNo, { startedAt: '2026-11-22T10:00:00+08:00' });
    const before = await recordingFor(t, world.a.agent.employeeNo, { startedAt: '2026-11-01T10:00:00+08:00' });
    for (const relistenRecordingId of [theirs, before]) {
      const res = await t.as(world.a.lead.token).post(`/api/coaching-items/${id}/sessions`).send(session({ relistenRecordingId }));
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('relistenRecordingId');
    }
  });

  it('is the team’s lead’s: inspectors and supervisors get 403 by role, another team’s lead by scope', async () => {
    const { id } = await openItem();
    expect((await t.as(world.a.inspector.token).post(`/api/coaching-items/${id}/sessions`).send(session())).status).toBe(403);
    expect((await t.as(world.supervisor.token).post(`/api/coaching-items/${id}/sessions`).send(session())).status).toBe(403);
    const otherLead = await builders(t).user({ roles: ['team_lead'], teams: [world.a.otherTeam.code] });
    const res = await t.as(otherLead.token).post(`/api/coaching-items/${id}/sessions`).send(session());
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('SCOPE_DENIED');
    expect((await t.as(world.a.lead.token).post('/api/coaching-items/00000000-0000-4000-8000-000000000000/sessions').send(session())).status).toBe(404);
  });

  it('refuses a one-to-one on a resolved item and one based on an older revision, each with its code', async () => {
    const { id, evaluationId } = await openItem({ B1: 'fail' });
    const stale = await t
      .as(world.a.lead.token)
      .post(`/api/coaching-items/${id}/sessions`)
      .send(session({ revision: 5 }));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('COACHING_ITEM_STALE');
    // Two leads' tabs record on the same revision at once: one wins, the other is told.
    const [one, two] = await Promise.all([
      t
        .as(world.a.lead.token)
        .post(`/api/coaching-items/${id}/sessions`)
        .send(session({ revision: 1 })),
      t
        .as(world.a.lead.token)
        .post(`/api/coaching-items/${id}/sessions`)
        .send(session({ revision: 1, said: '另一个标签页' })),
    ]);
    expect([one.status, two.status].sort()).toEqual([201, 409]);
    expect((await t.as(world.a.lead.token).get(`/api/coaching-items/${id}`)).body.sessions).toHaveLength(1);

    await t
      .as(world.supervisor.token)
      .post(`/api/evaluations/${evaluationId}/amend`)
      .send({ reason: '复核后认定合格', items: [{ code: 'B1', verdict: 'pass' }] });
    const closed = await t.as(world.a.lead.token).post(`/api/coaching-items/${id}/sessions`).send(session());
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('COACHING_ITEM_CLOSED');
  });
});

describe('POST /api/coaching-items/:id/acknowledge (the agent saw the result)', () => {
  it('records who marked it and when, once', async () => {
    const { id } = await openItem();
    const res = await t.as(world.a.lead.token).post(`/api/coaching-items/${id}/acknowledge`).send({});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ acknowledgedBy: world.a.lead.username, status: 'open' });
    expect(Date.now() - new Date(res.body.acknowledgedAt).getTime()).toBeLessThan(60_000);
    const again = await t.as(world.a.lead.token).post(`/api/coaching-items/${id}/acknowledge`).send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_ACKNOWLEDGED');
    expect((await t.as(world.a.inspector.token).get(`/api/coaching-items/${id}`)).body.acknowledgedAt).toBe(res.body.acknowledgedAt);
  });

  it('is refused to other roles and other teams’ leads, and to a bad revision', async () => {
    const { id } = await openItem();
    expect((await t.as(world.a.inspector.token).post(`/api/coaching-items/${id}/acknowledge`).send({})).status).toBe(403);
    expect((await t.as(world.b.lead.token).post(`/api/coaching-items/${id}/acknowledge`).send({})).status).toBe(403);
    const bad = await t.as(world.a.lead.token).post(`/api/coaching-items/${id}/acknowledge`).send({ revision: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('revision');
    expect((await t.as(world.a.lead.token).get(`/api/coaching-items/${id}`)).body.acknowledgedAt).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** recordingFor() files its calls at 10:00 on this day, Shanghai time. */
const CALL_DAY = '2026-11-20';
const today = () => CALL_DAY;

describe('POST /api/evaluations (a finished evaluation in one call)', () => {
  it('scores 100 × earned / possible with N/A items out of both', async () => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    // Points: GREETING 5 fails, A5 (5) and CONFIRM (10) N/A; possible = 110 − 15 = 95, earned = 90.
    const items = await allItems(t, { GREETING: 'fail', A5: 'na', CONFIRM: 'na' });
    items[0] = { ...items[0], comment: '开头没有问候', at: 1.5 } as never;
    const res = await t.as(world.a.inspector.token).post('/api/evaluations').send({ recordingId, source: 'daily', items });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      recordingId,
      agent: world.a.agent.employeeNo,
      team: world.a.team.code,
      inspector: world.a.inspector.username,
      source: 'daily',
      checklistVersion: 1,
      fatal: false,
      status: 'submitted',
    });
    expect(res.body.score).toBeCloseTo(94.7, 1);
    const greeting = res.body.items.find((i: { code: string }) => i.code === 'GREETING');
    expect(greeting).toMatchObject({ verdict: 'fail', points: 5, earned: 0, comment: '开头没有问候', at: 1.5 });
  });

  it('makes a failed critical item fatal with score 0', async () => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const res = await t
      .as(world.a.inspector.token)
      .post('/api/evaluations')
      .send({ recordingId, source: 'complaint', items: await allItems(t, { FORBIDDEN: 'fail' }) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ score: 0, fatal: true });
  });

  it.each([
    ['an unknown code', async () => [...(await allItems(t)), { code: 'NOPE', verdict: 'pass' }], 'NOPE'],
    ['a missing item', async () => (await allItems(t)).slice(1), 'GREETING'],
    ['N/A on an item that does not allow it', async () => allItems(t, { FORBIDDEN: 'na' }), 'FORBIDDEN'],
    ['an item scored twice', async () => [...(await allItems(t)), { code: 'B1', verdict: 'fail' }], 'B1'],
    ['a verdict "maybe"', async () => allItems(t, { B2: 'maybe' as never }), 'verdict'],
  ])('answers 400 for %s, storing nothing', async (_title, items, words) => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const res = await t
      .as(world.a.inspector.token)
      .post('/api/evaluations')
      .send({ recordingId, source: 'daily', items: await items() });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(words);
    expect((await t.as(t.adminToken).get(`/api/evaluations?recordingId=${recordingId}`)).body.total).toBe(0);
  });

  it.each([
    ['a source "gossip"', { source: 'gossip' }, 'source'],
    ['a recordingId that is not one', { recordingId: 'abc' }, 'recordingId'],
    ['no items', { items: [] }, 'items'],
  ])('answers 400 for %s', async (_title, over, words) => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const res = await t
      .as(world.a.inspector.token)
      .post('/api/evaluations')
      .send({ recordingId, source: 'daily', items: await allItems(t), ...over });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(words);
  });

  it('answers 404 for an unknown recording and 403 for one outside the inspector’s project', async () => {
    const items = await allItems(t);
    expect(
      (await t.as(world.a.inspector.token).post('/api/evaluations').send({ recordingId: '00000000-0000-4000-8000-000000000000', source: 'daily', items })).status,
    ).toBe(404);
    const other = await recordingFor(t, world.b.agent.employeeNo);
    expect((await t.as(world.a.inspector.token).post('/api/evaluations').send({ recordingId: other, source: 'daily', items })).status).toBe(403);
  });

  it('lets a team lead spot-check his own team only, and only as spot-check', async () => {
    const own = await recordingFor(t, world.a.agent.employeeNo);
    const items = await allItems(t);
    expect((await t.as(world.a.lead.token).post('/api/evaluations').send({ recordingId: own, source: 'spot-check', items })).status).toBe(201);
    expect((await t.as(world.a.lead.token).post('/api/evaluations').send({ recordingId: own, source: 'daily', items })).status).toBe(403);
    const other = await recordingFor(t, world.b.agent.employeeNo);
    expect((await t.as(world.a.lead.token).post('/api/evaluations').send({ recordingId: other, source: 'spot-check', items })).status).toBe(403);
  });
});

describe('GET /api/evaluations', () => {
  it('answers the contract’s fields, filtered by local date, team and agent within scope', async () => {
    // A team and agent of its own in project B: the counts below hold whatever else was scored there.
    const b = builders(t);
    const team = await b.team(world.b.project.code);
    const agent = await b.agent(team.code);
    const recordingId = await recordingFor(t, agent.employeeNo);
    await t
      .as(world.b.inspector.token)
      .post('/api/evaluations')
      .send({ recordingId, source: 'calibration', items: await allItems(t, { B3: 'fail' }) });
    const res = await t.as(world.b.inspector.token).get(`/api/evaluations?from=${today()}&to=${today()}&team=${team.code}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0].recordingId).toBe(recordingId);
    expect(res.body.items[0]).toMatchObject({ callStartedAt: '2026-11-20T02:00:00.000Z', callDate: '2026-11-20' });
    const e = res.body.items[0];
    for (const key of ['id', 'recordingId', 'agent', 'team', 'inspector', 'source', 'checklistVersion', 'score', 'fatal', 'submittedAt', 'items'])
      expect(e).toHaveProperty(key);
    for (const key of ['code', 'verdict', 'points', 'earned', 'comment', 'at']) expect(e.items[0]).toHaveProperty(key);
    expect((await t.as(world.b.inspector.token).get(`/api/evaluations?agent=${agent.employeeNo}`)).body.total).toBe(1);
    expect((await t.as(world.b.inspector.token).get('/api/evaluations?from=2020-01-01&to=2020-01-02')).body.total).toBe(0);
    const a = await t.as(world.a.inspector.token).get('/api/evaluations');
    expect(a.body.items.every((x: { team: string }) => x.team !== team.code)).toBe(true);
    expect((await t.as(world.a.inspector.token).get(`/api/evaluations?team=${team.code}`)).status).toBe(403);
  });

  it('filters by the local day of the call, in the centre’s time zone', async () => {
    // 23:30 in Shanghai is still the 20th; 16:30Z on the 20th is already 00:30 on the 21st there.
    const late = await recordingFor(t, world.b.agent.employeeNo, { startedAt: '2026-11-20T23:30:00+08:00' });
    const afterMidnight = await recordingFor(t, world.b.agent.employeeNo, { startedAt: '2026-11-20T16:30:00Z' });
    for (const recordingId of [late, afterMidnight]) {
      await t
        .as(world.b.inspector.token)
        .post('/api/evaluations')
        .send({ recordingId, source: 'daily', items: await allItems(t) })
        .expect(201);
    }
    const on = async (day: string) =>
      (await t.as(world.b.inspector.token).get(`/api/evaluations?from=${day}&to=${day}&pageSize=500`)).body.items.map((e: { recordingId: string }) => e.recordingId);
    expect(await on('2026-11-20')).toContain(late);
    expect(await on('2026-11-20')).not.toContain(afterMidnight);
    expect(await on('2026-11-21')).toEqual([afterMidnight]);
  });

  it('downloads the same rows as CSV and as XLSX, and logs the export', async () => {
    const csv = await t.as(world.supervisor.token).get(`/api/evaluations?from=${today()}&to=${today()}&format=csv&headers=keys`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    const json = await t.as(world.supervisor.token).get(`/api/evaluations?from=${today()}&to=${today()}&pageSize=500`);
    expect(lines).toHaveLength(json.body.total + 1);
    expect(lines[0]).toContain('score');
    const xlsx = await t
      .as(world.supervisor.token)
      .get(`/api/evaluations?from=${today()}&to=${today()}&format=xlsx`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const audit = await t.as(t.adminToken).get('/api/audit-log?action=evaluations.export');
    expect(audit.body.total).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['format pdf', '?format=pdf', 'format'],
    ['from after to', '?from=2026-02-02&to=2026-02-01', 'from'],
    ['an unknown agent', '?agent=NOPE', 'agent'],
  ])('answers 400 for %s', async (_title, qs, words) => {
    const res = await t.as(world.supervisor.token).get(`/api/evaluations${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(words);
  });
});

describe('drafts in the workspace', () => {
  it('saves, conflicts on a stale revision without losing the first save, submits and locks', async () => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const api = t.as(world.a.inspector.token);
    const draft = (await api.post('/api/evaluations/drafts').send({ recordingId, source: 'daily' })).body;
    expect(draft).toMatchObject({ status: 'draft', revision: 1 });
    // The machine's verdicts pre-fill the ruled items as suggestions; the rest wait for the inspector.
    const byCode = new Map(draft.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode.get('GREETING')).toMatchObject({ verdict: 'pass', autoVerdict: 'pass' });
    expect(byCode.get('B1')).toMatchObject({ verdict: null, autoVerdict: null });
    expect((await api.post('/api/evaluations/drafts').send({ recordingId, source: 'daily' })).body.id).toBe(draft.id);

    // Two tabs save the same revision at once: exactly one wins, the other gets 409.
    const [one, two] = await Promise.all([
      api.put(`/api/evaluations/${draft.id}`).send({ revision: 1, items: [{ code: 'GREETING', verdict: 'fail', comment: 'tab one', at: 0.5, until: 2 }] }),
      api.put(`/api/evaluations/${draft.id}`).send({ revision: 1, items: [{ code: 'GREETING', verdict: 'pass', comment: 'tab two' }] }),
    ]);
    expect([one.status, two.status].sort()).toEqual([200, 409]);
    const winner = one.status === 200 ? one : two;
    const loser = one.status === 200 ? two : one;
    expect(loser.body.message).toMatch(/another tab|saved elsewhere/);
    const now = (await api.get(`/api/evaluations/${draft.id}`)).body;
    expect(now.revision).toBe(2);
    expect(now.items.find((i: { code: string }) => i.code === 'GREETING').comment).toBe(winner === one ? 'tab one' : 'tab two');

    expect((await api.post(`/api/evaluations/${draft.id}/submit`).send({ revision: 2 })).status).toBe(400);
    const all = (await api.get('/api/checklists/active')).body.sections.flatMap((s: { items: { code: string }[] }) =>
      s.items.map((i) => ({ code: i.code, verdict: 'pass' })),
    );
    const saved = await api.put(`/api/evaluations/${draft.id}`).send({ revision: 2, items: all });
    expect(saved.body.revision).toBe(3);
    const submitted = await api.post(`/api/evaluations/${draft.id}/submit`).send({ revision: 3 });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', score: 100, fatal: false });
    expect((await api.put(`/api/evaluations/${draft.id}`).send({ revision: 4, items: [] })).status).toBe(409);
  });

  it('saves several items in one go, each field only where the save names it', async () => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const api = t.as(world.a.inspector.token);
    const draft = (await api.post('/api/evaluations/drafts').send({ recordingId, source: 'daily' })).body;
    const item = (body: { items: { code: string }[] }, code: string) => body.items.find((i) => i.code === code);
    const first = await api.put(`/api/evaluations/${draft.id}`).send({
      revision: 1,
      items: [
        { code: 'GREETING', verdict: 'fail', comment: '没有问候', at: 0.5, until: 2.25 },
        { code: 'B1', verdict: 'pass' },
      ],
    });
    expect(first.status).toBe(200);
    expect(item(first.body, 'GREETING')).toMatchObject({ verdict: 'fail', comment: '没有问候', at: 0.5, until: 2.25 });
    expect(item(first.body, 'B1')).toMatchObject({ verdict: 'pass', comment: null, at: null });
    // Only the comment of one and the verdict of the other: what is not named stays as it was.
    const second = await api.put(`/api/evaluations/${draft.id}`).send({
      revision: 2,
      items: [
        { code: 'GREETING', comment: '开头没有问候语' },
        { code: 'B1', verdict: null },
      ],
    });
    expect(second.status).toBe(200);
    expect(item(second.body, 'GREETING')).toMatchObject({ verdict: 'fail', comment: '开头没有问候语', at: 0.5, until: 2.25 });
    expect(item(second.body, 'B1')).toMatchObject({ verdict: null });
    // An item of another draft is untouched by this one's save.
    const other = (await api.post('/api/evaluations/drafts').send({ recordingId: await recordingFor(t, world.a.agent.employeeNo), source: 'daily' })).body;
    expect(item(other, 'GREETING')).toMatchObject({ comment: null });
  });
  it('lets only a supervisor amend a submitted evaluation, with a reason, keeping the history', async () => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const created = (
      await t
        .as(world.a.inspector.token)
        .post('/api/evaluations')
        .send({ recordingId, source: 'daily', items: await allItems(t) })
    ).body;
    expect(
      (
        await t
          .as(world.a.inspector.token)
          .post(`/api/evaluations/${created.id}/amend`)
          .send({ reason: '复核', items: [{ code: 'B1', verdict: 'fail' }] })
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .as(world.supervisor.token)
          .post(`/api/evaluations/${created.id}/amend`)
          .send({ items: [{ code: 'B1', verdict: 'fail' }] })
      ).status,
    ).toBe(400);
    const amended = await t
      .as(world.supervisor.token)
      .post(`/api/evaluations/${created.id}/amend`)
      .send({ reason: '复核后认定未复述需求', items: [{ code: 'B1', verdict: 'fail' }] });
    expect(amended.status).toBe(200);
    expect(amended.body.score).toBeLessThan(100);
    const history = (await t.as(world.supervisor.token).get(`/api/evaluations/${created.id}/history`)).body;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['submitted', 'amended']);
    expect(history[1]).toMatchObject({ reason: '复核后认定未复述需求', change: { before: { score: 100 } } });
  });

  it('keeps one inspector out of another’s draft', async () => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const draft = (await t.as(world.a.inspector.token).post('/api/evaluations/drafts').send({ recordingId, source: 'daily' })).body;
    const colleague = await builders(t).user({ roles: ['inspector'], projects: [world.a.project.code] });
    expect((await t.as(colleague.token).put(`/api/evaluations/${draft.id}`).send({ revision: 1, items: [] })).status).toBe(403);
    expect((await t.as(colleague.token).get(`/api/evaluations/${draft.id}`)).status).toBe(404);
    expect((await t.as(world.b.inspector.token).get(`/api/evaluations/${draft.id}`)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { politeTranscript, toneWav } from '../support/audio.js';
import { localDateOf } from '#shared/dates.js';
import { builders, twoProjects } from '../support/builders.js';
import { allItems } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 14 (seed 11.5): example calls for the weekly sharing. Inspectors and supervisors mark a
 * submitted evaluation's call as a good or bad example of chosen items with a note, tags and moments;
 * a supervisor builds a dated, ordered session of a project's examples; team leads see their
 * projects' sessions; FAQ maintainers link examples to an entry. Numbers stay masked; other projects'
 * examples stay out of scope.
 */

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let faq: { token: string };
let seq = 0;
const NUMBER = '13812345678';

beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
  faq = await builders(t).user({ roles: ['faq_maintainer'] });
});
afterAll(() => t?.close());

/** A 10-s call of the agent of that side, with a customer number and a polite transcript. */
async function ingest(side: 'a' | 'b' = 'a'): Promise<string> {
  const rec = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(10), 'c.wav')
    .field(
      'metadata',
      JSON.stringify({
        externalId: `ex-${Date.now()}-${++seq}`,
        agent: world[side].agent.employeeNo,
        startedAt: '2026-11-20T10:00:00+08:00',
        direction: 'inbound',
        customerNumber: NUMBER,
      }),
    )
    .field('transcript', JSON.stringify(politeTranscript()));
  if (rec.status !== 201) throw new Error(JSON.stringify(rec.body));
  return rec.body.id;
}

/** A 10-s call of the agent with a customer number, scored by the inspector (submitted unless `draft`). */
async function scored(side: 'a' | 'b' = 'a', o: { draft?: boolean } = {}): Promise<{ evaluationId: string; recordingId: string }> {
  const recordingId = await ingest(side);
  const api = t.as(world[side].inspector.token);
  const res = o.draft
    ? await api.post('/api/evaluations/drafts').send({ recordingId, source: 'daily' })
    : await api.post('/api/evaluations').send({ recordingId, source: 'daily', items: await allItems(t) });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return { evaluationId: res.body.id, recordingId };
}

const body = (evaluationId: string, over: Record<string, unknown> = {}) => ({
  evaluationId,
  kind: 'good',
  items: ['B1'],
  note: `客户来电 ${NUMBER} 询问话费，坐席复述到位`,
  tags: ['话费'],
  regions: [
    { start: 6, end: 8 },
    { start: 2.5, end: 4 },
  ],
  ...over,
});
const mark = (token: string, evaluationId: string, over: Record<string, unknown> = {}) => t.as(token).post('/api/examples').send(body(evaluationId, over));

describe('marking a call as an example', () => {
  it('keeps kind, items with titles, note, tags and the moments sorted, for inspectors and supervisors', async () => {
    const { evaluationId, recordingId } = await scored();
    const res = await mark(world.a.inspector.token, evaluationId);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      evaluationId,
      recordingId,
      kind: 'good',
      items: [{ code: 'B1', title: expect.any(String) }],
      tags: ['话费'],
      regions: [
        { start: 2.5, end: 4 },
        { start: 6, end: 8 },
      ],
      project: world.a.project.code,
      team: world.a.team.code,
      agent: world.a.agent.employeeNo,
      author: world.a.inspector.username,
    });
    expect(res.body.items[0].title).not.toBe('B1');
    const bySupervisor = await mark(world.supervisor.token, evaluationId, { kind: 'bad', items: ['B1', 'B2'] });
    expect(bySupervisor.status).toBe(201);
    expect(bySupervisor.body.kind).toBe('bad');
  });

  it('masks the customer number and numbers in the note for inspectors and leads, not for supervisors', async () => {
    const { evaluationId } = await scored();
    const id = (await mark(world.a.inspector.token, evaluationId)).body.id;
    for (const token of [world.a.inspector.token, world.a.lead.token]) {
      const got = (await t.as(token).get(`/api/examples/${id}`)).body;
      expect(got.customerNumber).toBe('*******5678');
      expect(got.note).not.toContain(NUMBER);
      expect(JSON.stringify(got)).not.toContain(NUMBER);
    }
    const unmasked = (await t.as(world.supervisor.token).get(`/api/examples/${id}`)).body;
    expect(unmasked.customerNumber).toBe(NUMBER);
    expect(unmasked.note).toContain(NUMBER);
  });

  it('refuses team leads and FAQ maintainers marking, and keeps other projects out of scope', async () => {
    const { evaluationId } = await scored();
    expect((await mark(world.a.lead.token, evaluationId)).status).toBe(403);
    expect((await mark(faq.token, evaluationId)).status).toBe(403);
    const other = await mark(world.b.inspector.token, evaluationId);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('SCOPE_DENIED');
    const id = (await mark(world.a.inspector.token, evaluationId)).body.id;
    expect((await t.as(world.b.inspector.token).get(`/api/examples/${id}`)).body.code).toBe('SCOPE_DENIED');
    expect((await t.as(world.b.lead.token).put(`/api/examples/${id}`).send(body(evaluationId))).status).toBe(403);
    expect((await t.as(world.b.inspector.token).get('/api/examples')).body.items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await t.as(world.a.inspector.token).get('/api/examples/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('lets the author or a supervisor edit and delete, nobody else (EXAMPLE_NOT_YOURS)', async () => {
    const { evaluationId } = await scored();
    const id = (await mark(world.a.inspector.token, evaluationId)).body.id;
    const colleague = await builders(t).user({ roles: ['inspector'], projects: [world.a.project.code] });
    const { evaluationId: _, ...content } = body(evaluationId, { note: '改过的说明', kind: 'bad' });
    const refused = await t.as(colleague.token).put(`/api/examples/${id}`).send(content);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('EXAMPLE_NOT_YOURS');
    expect((await t.as(colleague.token).delete(`/api/examples/${id}`)).status).toBe(403);
    const edited = await t.as(world.a.inspector.token).put(`/api/examples/${id}`).send(content);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ note: '改过的说明', kind: 'bad' });
    expect(
      (
        await t
          .as(world.supervisor.token)
          .put(`/api/examples/${id}`)
          .send({ ...content, note: '主管改' })
      ).body.note,
    ).toBe('主管改');
    expect((await t.as(world.supervisor.token).delete(`/api/examples/${id}`)).status).toBe(204);
    expect((await t.as(world.a.inspector.token).get(`/api/examples/${id}`)).status).toBe(404);
  });

  it('lists by item, tag, team, kind and project', async () => {
    const { evaluationId } = await scored();
    const good = (await mark(world.a.inspector.token, evaluationId, { items: ['B2'], tags: ['宽带'] })).body.id;
    const bad = (await mark(world.a.inspector.token, evaluationId, { kind: 'bad', items: ['B3'], tags: ['投诉'] })).body.id;
    const ids = async (query: string) => (await t.as(world.a.inspector.token).get(`/api/examples?${query}`)).body.items.map((x: { id: string }) => x.id);
    expect(await ids('item=B2')).toContain(good);
    expect(await ids('item=B2')).not.toContain(bad);
    expect(await ids('tag=投诉')).toEqual(expect.arrayContaining([bad]));
    expect(await ids(`tag=${encodeURIComponent('投诉')}`)).not.toContain(good);
    expect(await ids('kind=bad')).not.toContain(good);
    expect(await ids(`team=${world.a.team.code}`)).toEqual(expect.arrayContaining([good, bad]));
    expect(await ids(`team=${world.a.otherTeam.code}`)).toEqual([]);
    expect(await ids(`project=${world.a.project.code}`)).toEqual(expect.arrayContaining([good, bad]));
    expect((await t.as(world.a.inspector.token).get(`/api/examples?project=${world.b.project.code}`)).status).toBe(403);
  });
});

describe('bad input', () => {
  const cases: [title: string, status: number, code: string, over: Record<string, unknown>, field?: string][] = [
    ['an unknown kind', 400, 'VALIDATION_FAILED', { kind: 'great' }, 'kind'],
    ['no items', 400, 'VALIDATION_FAILED', { items: [] }, 'items'],
    ['an item not of the checklist', 400, 'VALIDATION_FAILED', { items: ['ZZ9'] }, 'items[0]'],
    ['an item twice', 400, 'VALIDATION_FAILED', { items: ['B1', 'B1'] }, 'items[1]'],
    ['an empty note', 400, 'VALIDATION_FAILED', { note: '' }, 'note'],
    ['a note of spaces only', 400, 'VALIDATION_FAILED', { note: '   ' }, 'note'],
    ['no regions', 400, 'VALIDATION_FAILED', { regions: [] }, 'regions'],
    ['a region past the end of the call', 400, 'VALIDATION_FAILED', { regions: [{ start: 8, end: 12 }] }, 'regions[0].end'],
    ['a region ending before it starts', 400, 'VALIDATION_FAILED', { regions: [{ start: 5, end: 3 }] }, 'regions[0].end'],
    ['a region before the start', 400, 'VALIDATION_FAILED', { regions: [{ start: -1, end: 3 }] }, 'regions.0.start'],
    ['a region that is not a number', 400, 'VALIDATION_FAILED', { regions: [{ start: 'a', end: 3 }] }, 'regions.0.start'],
    ['an evaluation id that is not a UUID', 400, 'VALIDATION_FAILED', { evaluationId: 'x' }, 'evaluationId'],
    ['an unknown evaluation', 404, 'NOT_FOUND', { evaluationId: '00000000-0000-4000-8000-000000000000' }],
  ];

  it.each(cases)('%s answers %i %s, storing nothing', async (_title, status, code, over, field) => {
    const { evaluationId } = await scored();
    const res = await mark(world.a.inspector.token, evaluationId, over);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const listed = (await t.as(world.supervisor.token).get('/api/examples')).body.items;
    expect(listed.filter((x: { evaluationId: string }) => x.evaluationId === evaluationId)).toEqual([]);
  });

  it('names the call’s duration for a region outside it', async () => {
    const { evaluationId } = await scored();
    const res = await mark(world.a.inspector.token, evaluationId, { regions: [{ start: 8, end: 12 }] });
    expect(res.body.errors[0]).toMatchObject({ code: 'outsideCall', params: { value: 12, duration: 10 } });
  });

  it('answers 409 EVALUATION_NOT_SUBMITTED for a draft', async () => {
    const { evaluationId } = await scored('a', { draft: true });
    const res = await mark(world.a.inspector.token, evaluationId);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('EVALUATION_NOT_SUBMITTED');
  });
});

describe('sharing sessions', () => {
  async function threeExamples() {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await mark(world.a.inspector.token, (await scored()).evaluationId, { regions: [{ start: i + 1, end: i + 2 }] })).body.id);
    return ids;
  }
  const session = (exampleIds: string[], over: Record<string, unknown> = {}) => ({
    project: world.a.project.code,
    date: '2026-12-04',
    title: '第 49 周分享会',
    presenter: world.a.inspector.username,
    exampleIds,
    ...over,
  });

  it('keeps the playlist in the order given, and a new order on change', async () => {
    const [x, y, z] = await threeExamples();
    const res = await t
      .as(world.supervisor.token)
      .post('/api/sharing-sessions')
      .send(session([z, x, y]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ project: world.a.project.code, date: '2026-12-04', title: '第 49 周分享会', presenter: world.a.inspector.username });
    expect(res.body.examples.map((e: { id: string }) => e.id)).toEqual([z, x, y]);
    const changed = await t
      .as(world.supervisor.token)
      .put(`/api/sharing-sessions/${res.body.id}`)
      .send(session([y, z], { title: '改期' }));
    expect(changed.status).toBe(200);
    expect(changed.body.examples.map((e: { id: string }) => e.id)).toEqual([y, z]);
    expect((await t.as(world.supervisor.token).get(`/api/sharing-sessions/${res.body.id}`)).body.examples.map((e: { id: string }) => e.id)).toEqual([y, z]);
  });

  it('shows team leads the sessions of their projects, masked, and plays them through the session (logged)', async () => {
    const [x, y] = await threeExamples();
    const id = (
      await t
        .as(world.supervisor.token)
        .post('/api/sharing-sessions')
        .send(session([x, y]))
    ).body.id;
    const listed = (await t.as(world.a.lead.token).get('/api/sharing-sessions')).body;
    const mine = listed.items.find((s: { id: string }) => s.id === id);
    expect(mine.examples.map((e: { id: string }) => e.id)).toEqual([x, y]);
    expect(JSON.stringify(mine)).not.toContain(NUMBER);
    expect((await t.as(world.b.lead.token).get('/api/sharing-sessions')).body.items.map((s: { id: string }) => s.id)).not.toContain(id);
    expect((await t.as(world.b.lead.token).get(`/api/sharing-sessions/${id}`)).status).toBe(403);
    const audio = await t.as(world.a.lead.token).get(`/api/sharing-sessions/${id}/examples/${x}/audio`).set('Range', 'bytes=0-99');
    expect(audio.status).toBe(206);
    expect((await t.as(world.b.lead.token).get(`/api/sharing-sessions/${id}/examples/${x}/audio`)).status).toBe(403);
    const recordingId = (await t.as(world.supervisor.token).get(`/api/examples/${x}`)).body.recordingId;
    const log = await t.as(world.supervisor.token).get(`/api/recordings/access-log?recordingId=${recordingId}&username=${world.a.lead.username}`);
    expect(log.body.items.filter((e: { action: string }) => e.action === 'play')).toHaveLength(1);
  });

  it('refuses inspectors and leads building sessions, and bad playlists with codes', async () => {
    const [x] = await threeExamples();
    const other = (await mark(world.b.inspector.token, (await scored('b')).evaluationId)).body.id;
    expect(
      (
        await t
          .as(world.a.inspector.token)
          .post('/api/sharing-sessions')
          .send(session([x]))
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .as(world.a.lead.token)
          .post('/api/sharing-sessions')
          .send(session([x]))
      ).status,
    ).toBe(403);
    const sup = t.as(world.supervisor.token);
    const fieldOf = async (s: Record<string, unknown>) => {
      const res = await sup.post('/api/sharing-sessions').send(s);
      expect(res.status).toBe(400);
      return res.body.errors[0].field;
    };
    expect(await fieldOf(session([]))).toBe('exampleIds');
    expect(await fieldOf(session([x, other]))).toBe('exampleIds[1]');
    expect(await fieldOf(session(['00000000-0000-4000-8000-000000000000']))).toBe('exampleIds[0]');
    expect(await fieldOf(session([x, x]))).toBe('exampleIds[1]');
    expect(await fieldOf(session([x], { title: '' }))).toBe('title');
    expect(await fieldOf(session([x], { date: '2026-13-01' }))).toBe('date');
    expect(await fieldOf(session([x], { project: 'NOPE' }))).toBe('project');
  });
});

describe('examples of calibration evaluations', () => {
  const today = () => localDateOf(new Date(), process.env.TZ);
  /** A calibration session of one call of project A, scored by its inspector and a colleague (submitted unless `draft`). */
  async function calibrated(o: { draft?: boolean } = {}) {
    const colleague = await builders(t).user({ roles: ['inspector'], projects: [world.a.project.code] });
    const recordingId = await ingest();
    const session = await t
      .as(world.supervisor.token)
      .post('/api/calibration-sessions')
      .send({ title: '问候语校准', recordings: [recordingId], participants: [world.a.inspector.username, colleague.username], deadline: today() });
    if (session.status !== 201) throw new Error(JSON.stringify(session.body));
    const api = t.as(world.a.inspector.token);
    const mine = o.draft
      ? await api.post('/api/evaluations/drafts').send({ recordingId, source: 'calibration' })
      : await api.post('/api/evaluations').send({ recordingId, source: 'calibration', items: await allItems(t) });
    if (mine.status !== 201) throw new Error(JSON.stringify(mine.body));
    const theirs = await t
      .as(colleague.token)
      .post('/api/evaluations')
      .send({ recordingId, source: 'calibration', items: await allItems(t, { B1: 'fail' }) });
    if (theirs.status !== 201) throw new Error(JSON.stringify(theirs.body));
    const reveal = () => t.as(world.supervisor.token).post(`/api/calibration-sessions/${session.body.id}/reveal`).send({});
    return { evaluationId: mine.body.id as string, recordingId, reveal, colleague };
  }
  const listedFor = async (evaluationId: string) =>
    (await t.as(world.supervisor.token).get(`/api/examples?project=${world.a.project.code}`)).body.items.filter(
      (x: { evaluationId: string }) => x.evaluationId === evaluationId,
    );

  it('marks one once its session is revealed, listed like any other example', async () => {
    const c = await calibrated();
    // The workspace learns it from the evaluation itself: open (not markable) until the reveal.
    const open = async () => (await t.as(world.a.inspector.token).get(`/api/evaluations/${c.evaluationId}`)).body.calibrationOpen;
    expect(await open()).toBe(true);
    expect((await c.reveal()).status).toBe(200);
    expect(await open()).toBe(false);
    const daily = await scored();
    expect((await t.as(world.a.inspector.token).get(`/api/evaluations/${daily.evaluationId}`)).body.calibrationOpen).toBe(false);
    const res = await mark(world.a.inspector.token, c.evaluationId, { note: '校准揭晓后：复述到位的范例' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ evaluationId: c.evaluationId, recordingId: c.recordingId, author: world.a.inspector.username });
    expect(await listedFor(c.evaluationId)).toHaveLength(1);
    // A supervisor marks a participant's calibration evaluation too, once revealed.
    expect((await mark(world.supervisor.token, c.evaluationId, { kind: 'bad' })).status).toBe(201);
  });

  describe('refuses one that is not ready, storing nothing', () => {
    const cases: [string, () => Promise<{ evaluationId: string }>, number, string][] = [
      ['a submitted calibration evaluation of a session not yet revealed', () => calibrated(), 409, 'CALIBRATION_STATE'],
      [
        'a calibration draft, even of a session revealed since',
        async () => {
          const c = await calibrated({ draft: true });
          expect((await c.reveal()).status).toBe(200);
          return c;
        },
        409,
        'EVALUATION_NOT_SUBMITTED',
      ],
    ];
    it.each(cases)('%s', async (_, make, status, code) => {
      const { evaluationId } = await make();
      for (const token of [world.a.inspector.token, world.supervisor.token]) {
        const res = await mark(token, evaluationId);
        expect(res.status).toBe(status);
        expect(res.body.code).toBe(code);
      }
      expect(await listedFor(evaluationId)).toHaveLength(0);
    });
  });

  it('keeps the blindness: before the reveal the colleague’s evaluation cannot be marked either, nor by a team lead after it', async () => {
    const c = await calibrated();
    const theirs = (
      await t.as(world.supervisor.token).get(`/api/evaluations?from=2026-11-20&to=2026-11-20&agent=${world.a.agent.employeeNo}&pageSize=200`)
    ).body.items.find((e: { recordingId: string; inspector: string }) => e.recordingId === c.recordingId && e.inspector === c.colleague.username);
    expect(theirs).toBeTruthy();
    expect((await mark(world.supervisor.token, theirs.id)).body.code).toBe('CALIBRATION_STATE');
    expect((await c.reveal()).status).toBe(200);
    expect((await mark(world.a.lead.token, theirs.id)).status).toBe(403);
    expect((await mark(world.supervisor.token, theirs.id)).status).toBe(201);
  });
});

describe('the presenter of a sharing session', () => {
  /** Users of the centre beside the two projects' own: who may and who may not present a session of project A. */
  async function centre() {
    const b = builders(t);
    const [bound, wholeSupervisor, faqOnly, retired] = await Promise.all([
      b.user({ roles: ['supervisor'], projects: [world.a.project.code], displayName: '甲项目主管' }),
      b.user({ roles: ['supervisor'], displayName: '全中心主管' }),
      b.user({ roles: ['faq_maintainer'], displayName: '知识库维护' }),
      b.user({ roles: ['inspector'], projects: [world.a.project.code], displayName: '已离职质检' }),
    ]);
    const off = await t.as(t.adminToken).patch(`/api/users/${retired.id}`).send({ active: false });
    if (off.status !== 200) throw new Error(JSON.stringify(off.body));
    return { bound, wholeSupervisor, faqOnly, retired };
  }

  it('lists the active users who open the project’s sessions, by display name, for whoever builds sessions', async () => {
    const { bound, wholeSupervisor, faqOnly, retired } = await centre();
    const res = await t.as(world.supervisor.token).get(`/api/sharing-sessions/presenters?project=${world.a.project.code}`);
    expect(res.status).toBe(200);
    const names = res.body.items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining([world.a.inspector.username, world.a.lead.username, bound.username, wholeSupervisor.username, 'admin']));
    for (const outside of [world.b.inspector.username, world.b.lead.username, faqOnly.username, retired.username]) expect(names).not.toContain(outside);
    expect(res.body.total).toBe(names.length);
    const displayNames = res.body.items.map((u: { displayName: string }) => u.displayName);
    expect(displayNames).toEqual([...displayNames].sort((x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0)));
    expect(res.body.items.find((u: { username: string }) => u.username === bound.username)).toEqual({ username: bound.username, displayName: '甲项目主管' });
  });

  it.each([
    ['an inspector', () => world.a.inspector.token, 403],
    ['a team lead', () => world.a.lead.token, 403],
    ['an FAQ maintainer', () => faq.token, 403],
  ])('refuses %s the list of presenters', async (_, token, status) => {
    expect((await t.as(token()).get(`/api/sharing-sessions/presenters?project=${world.a.project.code}`)).status).toBe(status);
  });

  it('keeps another project’s list from a supervisor bound to one project, and names a bad project', async () => {
    const { bound } = await centre();
    const other = await t.as(bound.token).get(`/api/sharing-sessions/presenters?project=${world.b.project.code}`);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('SCOPE_DENIED');
    const none = await t.as(world.supervisor.token).get('/api/sharing-sessions/presenters');
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('project');
    const unknown = await t.as(world.supervisor.token).get('/api/sharing-sessions/presenters?project=NOPE');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('project');
  });

  it('stores the presenter as the user picked, whatever the case of the username given', async () => {
    const { bound } = await centre();
    const x = (await mark(world.a.inspector.token, (await scored()).evaluationId)).body.id;
    const res = await t
      .as(world.supervisor.token)
      .post('/api/sharing-sessions')
      .send({ project: world.a.project.code, date: '2026-12-11', title: '第 50 周分享会', presenter: bound.username.toUpperCase(), exampleIds: [x] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ presenter: bound.username, presenterName: '甲项目主管' });
  });

  describe('refuses a presenter who is not one of them, naming the field and storing nothing', () => {
    const cases: [string, (c: Awaited<ReturnType<typeof centre>>) => string, string][] = [
      ['nobody of that name', () => 'nobody-here', 'unknown'],
      ['a user of the other project only', () => world.b.inspector.username, 'outOfScope'],
      ['a team lead of the other project', () => world.b.lead.username, 'outOfScope'],
      ['an FAQ maintainer, who does not open sessions', (c) => c.faqOnly.username, 'outOfScope'],
      ['a user no longer active', (c) => c.retired.username, 'outOfScope'],
      ['an empty name', () => '', 'minLength'],
    ];
    it.each(cases)('%s', async (_, presenter, code) => {
      const c = await centre();
      const x = (await mark(world.a.inspector.token, (await scored()).evaluationId)).body.id;
      const title = `refused ${Date.now()}-${++seq}`;
      const res = await t
        .as(world.supervisor.token)
        .post('/api/sharing-sessions')
        .send({ project: world.a.project.code, date: '2026-12-11', title, presenter: presenter(c), exampleIds: [x] });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'presenter' });
      if (code !== 'minLength') expect(res.body.errors[0].code).toBe(code);
      const listed = (await t.as(world.supervisor.token).get(`/api/sharing-sessions?project=${world.a.project.code}`)).body.items;
      expect(listed.map((s: { title: string }) => s.title)).not.toContain(title);
    });
  });
});

describe('FAQ entries link example calls', () => {
  it('lets the FAQ maintainer link examples in order; readers see them and play them', async () => {
    const [x, y] = [
      (await mark(world.a.inspector.token, (await scored()).evaluationId)).body.id,
      (await mark(world.b.inspector.token, (await scored('b')).evaluationId)).body.id,
    ];
    const entry = (await t.as(faq.token).post('/api/faq').send({ question: '话费余额怎么查？', answer: '发送短信 CXYE 到 10086。' })).body;
    const candidates = (await t.as(faq.token).get('/api/faq-examples')).body.items.map((e: { id: string }) => e.id);
    expect(candidates).toEqual(expect.arrayContaining([x, y]));
    expect(
      (
        await t
          .as(world.a.inspector.token)
          .put(`/api/faq/${entry.id}/examples`)
          .send({ exampleIds: [x] })
      ).status,
    ).toBe(403);
    const unknown = await t
      .as(faq.token)
      .put(`/api/faq/${entry.id}/examples`)
      .send({ exampleIds: [x, '00000000-0000-4000-8000-000000000000'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('exampleIds[1]');
    const linked = await t
      .as(faq.token)
      .put(`/api/faq/${entry.id}/examples`)
      .send({ exampleIds: [y, x] });
    expect(linked.status).toBe(200);
    expect(linked.body.examples.map((e: { id: string }) => e.id)).toEqual([y, x]);
    expect(JSON.stringify(linked.body)).not.toContain(NUMBER);
    // An inspector of project A sees the link of his project only.
    expect((await t.as(world.a.inspector.token).get(`/api/faq/${entry.id}/examples`)).body.examples.map((e: { id: string }) => e.id)).toEqual([x]);
    expect((await t.as(world.a.inspector.token).get(`/api/faq/${entry.id}/examples/${x}/audio`).set('Range', 'bytes=0-9')).status).toBe(206);
    expect((await t.as(world.a.inspector.token).get(`/api/faq/${entry.id}/examples/${y}/audio`)).status).toBe(403);
    expect((await t.as(faq.token).get(`/api/faq/${entry.id}/examples/${y}/audio`).set('Range', 'bytes=0-9')).status).toBe(206);
    expect((await t.as(faq.token).get('/api/faq/00000000-0000-4000-8000-000000000000/examples')).status).toBe(404);
  });
});

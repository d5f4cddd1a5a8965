import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../support/builders.js';
import { type Api, startTestApp, type TestApp, withOwnApp } from '../support/test-app.js';

let t: TestApp;
let supervisor: Awaited<ReturnType<ReturnType<typeof builders>['user']>>;
let inspector: typeof supervisor;
beforeAll(async () => {
  t = await startTestApp();
  supervisor = await builders(t).user({ roles: ['supervisor'] });
  inspector = await builders(t).user({ roles: ['inspector'] });
});
afterAll(() => t?.close());

describe('GET /api/checklists/active', () => {
  it('is the service standard of DOMAIN.md with the seven rule codes pre-scored', async () => {
    const res = await t.as(inspector.token).get('/api/checklists/active');
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.sections.map((s: { title: string }) => s.title)).toEqual(['A 服务态度', 'B 处理技巧']);
    const items = res.body.sections.flatMap((s: { items: unknown[] }) => s.items);
    const ruled = items
      .filter((i: { rule?: unknown }) => i.rule)
      .map((i: { code: string }) => i.code)
      .sort();
    expect(ruled).toEqual(['CLOSING', 'CONFIRM', 'COURTESY', 'FORBIDDEN', 'GREETING', 'INTERRUPT', 'SILENCE']);
    for (const item of items)
      expect(item).toEqual(
        expect.objectContaining({
          code: expect.any(String),
          title: expect.any(String),
          points: expect.any(Number),
          critical: expect.any(Boolean),
          allowNa: expect.any(Boolean),
        }),
      );
    expect(items.find((i: { code: string }) => i.code === 'FORBIDDEN')).toMatchObject({ critical: true, rule: { type: 'phrase-forbidden' } });
    expect(items.find((i: { code: string }) => i.code === 'GREETING').rule).toMatchObject({ window: { from: 'start', seconds: 15 } });
    expect(items.find((i: { code: string }) => i.code === 'SILENCE').rule).toMatchObject({ maxGapSeconds: 10 });
    expect(items.find((i: { code: string }) => i.code === 'INTERRUPT').rule).toMatchObject({ minOverlapSeconds: 1 });
  });
});

describe('editing a new version', () => {
  it('drafts, edits and publishes version 2, leaving version 1 unchanged', async () => {
    // Publishing replaces the centre's one active checklist: on a database of its own, so that the
    // other tests here read version 1 whenever they run.
    await withOwnApp(async (own) => publishesVersion2(own.as((await builders(own).user({ roles: ['supervisor'] })).token)));
  });

  async function publishesVersion2(api: Api) {
    const draft = await api.post('/api/checklists').send({});
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ version: 2, status: 'draft' });
    const sections = draft.body.sections;
    sections[0].items.find((i: { code: string }) => i.code === 'FORBIDDEN').rule.phrases.push('你自己看着办');
    const saved = await api.put(`/api/checklists/${draft.body.id}`).send({ sections, note: '新增忌语' });
    expect(saved.status).toBe(200);
    expect((await api.post('/api/checklists').send({})).status).toBe(409);
    const published = await api.post(`/api/checklists/${draft.body.id}/publish`);
    expect(published.status).toBe(200);
    const active = await api.get('/api/checklists/active');
    expect(active.body.version).toBe(2);
    expect(JSON.stringify(active.body)).toContain('你自己看着办');
    const list = await api.get('/api/checklists');
    const v1 = list.body.items.find((v: { version: number }) => v.version === 1);
    expect(JSON.stringify((await api.get(`/api/checklists/${v1.id}`)).body)).not.toContain('你自己看着办');
    expect((await api.put(`/api/checklists/${draft.body.id}`).send({ sections })).status).toBe(409);
    expect((await api.post(`/api/checklists/${draft.body.id}/publish`)).status).toBe(409);
    expect((await api.delete(`/api/checklists/${draft.body.id}`)).status).toBe(409);
  }

  it.each([
    ['a duplicate code', (s: any) => (s[1].items[0].code = 'GREETING'), 'items[0].code'],
    ['negative points', (s: any) => (s[0].items[1].points = -5), 'points'],
    ['an unknown rule type', (s: any) => (s[0].items[0].rule = { type: 'magic' }), 'rule.type'],
    ['an empty forbidden phrase list', (s: any) => (s[0].items.find((i: any) => i.code === 'FORBIDDEN').rule.phrases = []), 'rule.phrases'],
    ['a silence threshold of zero', (s: any) => (s[0].items.find((i: any) => i.code === 'SILENCE').rule.maxGapSeconds = 0), 'maxGapSeconds'],
    ['a window from the middle', (s: any) => (s[0].items[0].rule.window = { from: 'middle', seconds: 5 }), 'window'],
    ['an item without a title', (s: any) => (s[1].items[2].title = ''), 'title'],
    ['fuzzy forbidden phrases', (s: any) => (s[0].items.find((i: any) => i.code === 'FORBIDDEN').rule.fuzzy = true), 'rule.fuzzy'],
    ['a filler list that is not a list', (s: any) => (s[0].items[0].rule.fillerWords = '呃'), 'rule.fillerWords'],
    ['stutters as a string', (s: any) => (s[0].items[0].rule.stutters = 'no'), 'rule.stutters'],
    ['no sections', (s: any) => s.splice(0, s.length), 'sections'],
  ])('answers 400 naming the field for %s, and keeps the draft as it was', async (_title, spoil, field) => {
    const api = t.as(supervisor.token);
    const draft = (await api.post('/api/checklists').send({})).body;
    const sections = structuredClone(draft.sections);
    spoil(sections);
    const res = await api.put(`/api/checklists/${draft.id}`).send({ sections });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
    expect((await api.get(`/api/checklists/${draft.id}`)).body.sections).toEqual(draft.sections);
    expect((await api.delete(`/api/checklists/${draft.id}`)).status).toBe(204);
  });

  it('is refused to an inspector', async () => {
    expect((await t.as(inspector.token).post('/api/checklists').send({})).status).toBe(403);
  });

  it('is refused to a supervisor bound to one project: the checklist is centre-wide (issue 11, finding 13)', async () => {
    const b = builders(t);
    const project = await b.project();
    const bound = await b.user({ roles: ['supervisor'], projects: [project.code] });
    const res = await t.as(bound.token).post('/api/checklists').send({});
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ALL_PROJECTS_ONLY');
    // Nor may he change or publish a draft an all-projects supervisor started.
    const draft = await t.as(supervisor.token).post('/api/checklists').send({});
    expect(draft.status).toBe(201);
    try {
      const put = await t.as(bound.token).put(`/api/checklists/${draft.body.id}`).send({ sections: draft.body.sections });
      expect(put.status).toBe(403);
      expect(put.body.code).toBe('ALL_PROJECTS_ONLY');
      expect((await t.as(bound.token).post(`/api/checklists/${draft.body.id}/publish`)).body.code).toBe('ALL_PROJECTS_ONLY');
      expect((await t.as(bound.token).delete(`/api/checklists/${draft.body.id}`)).body.code).toBe('ALL_PROJECTS_ONLY');
      // He still reads it.
      expect((await t.as(bound.token).get('/api/checklists/active')).status).toBe(200);
    } finally {
      await t.as(supervisor.token).delete(`/api/checklists/${draft.body.id}`);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 14: checklist items about knowledge (B3 专业知识准确, B5 回答切中要点 in the default checklist)
 * that fail as a common problem (the problems report's rule: 2 agents and 30 % of a team) in the last
 * seven days up to yesterday appear in the FAQ maintainers' inbox as suggestions, with the inspectors'
 * notes on the failed items, numbers masked. Other items, a single agent's failures, calibration
 * evaluations and older days do not.
 */

let t: TestApp;
let maintainer: { token: string };
let inspector: { token: string };
let project: { code: string };
let team: { code: string };
let agents: { employeeNo: string }[];

const localDay = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offset * 86_400_000));
const at10 = (day: string) => `${day}T10:00:00+08:00`;

beforeAll(async () => {
  t = await startTestApp();
  const b = builders(t);
  project = await b.project();
  team = await b.team(project.code);
  agents = [await b.agent(team.code), await b.agent(team.code), await b.agent(team.code)];
  inspector = await b.user({ roles: ['inspector'], projects: [project.code] });
  maintainer = await b.user({ roles: ['faq_maintainer'] });
});
afterAll(() => t?.close());

async function evaluation(agent: string, startedAt: string, fails: Record<string, string>, source = 'daily') {
  const recordingId = await recordingFor(t, agent, { startedAt });
  const verdicts = Object.fromEntries(Object.keys(fails).map((code) => [code, 'fail' as const]));
  const items = (await allItems(t, verdicts)).map((i: { code: string }) => (fails[i.code] ? { ...i, comment: fails[i.code], at: 42 } : i));
  const res = await t.as(inspector.token).post('/api/evaluations').send({ recordingId, source, items });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

const suggestionsOf = async () => {
  const res = await t.as(maintainer.token).get('/api/faq-proposals');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.suggestions as { project: string; code: string }[]).filter((s) => s.project === project.code);
};

describe('knowledge items failing in common suggest an FAQ gap', () => {
  it('suggests nothing while one agent fails a knowledge item, or a non-knowledge item fails in common', async () => {
    const yesterday = at10(localDay(-1));
    await evaluation(agents[0].employeeNo, yesterday, { B3: '不知道套餐降档规则' });
    await evaluation(agents[1].employeeNo, yesterday, { B1: '没有复述' });
    await evaluation(agents[2].employeeNo, yesterday, { B1: '没有复述' });
    // Calibration evaluations and calls older than the seven days never count.
    await evaluation(agents[1].employeeNo, yesterday, { B3: '校准' }, 'calibration');
    await evaluation(agents[1].employeeNo, at10(localDay(-9)), { B3: '九天前' });
    expect(await suggestionsOf()).toEqual([]);
  });

  it('suggests the item once a second agent of the team fails it, with the inspectors’ notes, numbers masked', async () => {
    await evaluation(agents[1].employeeNo, at10(localDay(-3)), { B3: '客户拨 13812345678 问降档，坐席答不上' });
    const [suggestion, ...more] = await suggestionsOf();
    expect(more).toEqual([]);
    expect(suggestion).toMatchObject({
      key: `${project.code}:B3`,
      code: 'B3',
      title: '专业知识准确',
      from: localDay(-7),
      to: localDay(-1),
      teams: [{ team: team.code, agents: 2, failures: 2 }],
    });
    const texts = (suggestion as unknown as { comments: { text: string; at: number }[] }).comments.map((c) => c.text);
    expect(texts).toEqual(['不知道套餐降档规则', expect.stringContaining('坐席答不上')]);
    expect(texts.join()).not.toContain('13812345678');
  });

  it('follows the checklist: an item not marked knowledge is never suggested, a newly marked one is', async () => {
    const active = (await t.as(t.adminToken).get('/api/checklists/active')).body;
    expect(active.sections.flatMap((s: { items: { code: string; knowledge?: boolean }[] }) => s.items.filter((i) => i.knowledge).map((i) => i.code))).toEqual([
      'B3',
      'B5',
    ]);
    const draft = await t.as(t.adminToken).post('/api/checklists').send({ basedOn: active.id });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const sections = draft.body.sections.map((s: { items: { code: string }[] }) => ({
      ...s,
      items: s.items.map((i) => (i.code === 'B1' ? { ...i, knowledge: true } : i)),
    }));
    const bad = await t
      .as(t.adminToken)
      .put(`/api/checklists/${draft.body.id}`)
      .send({ sections: [{ ...sections[0], items: [{ ...sections[0].items[0], knowledge: 'yes' }, ...sections[0].items.slice(1)] }, ...sections.slice(1)] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('knowledge');
    expect((await t.as(t.adminToken).put(`/api/checklists/${draft.body.id}`).send({ sections })).status).toBe(200);
    expect((await t.as(t.adminToken).post(`/api/checklists/${draft.body.id}/publish`).send({})).status).toBe(200);
    expect((await suggestionsOf()).map((s) => s.code).sort()).toEqual(['B1', 'B3']);
  });
});

import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchText, trigramKey } from '#shared/faq/search.js';
import { builders, twoProjects } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let maintainer: { token: string; username: string };
let maintainer2: { token: string; username: string };
let lead: { token: string };
beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
  maintainer = await builders(t).user({ roles: ['faq_maintainer'] });
  maintainer2 = await builders(t).user({ roles: ['faq_maintainer'] });
  lead = world.a.lead;
});
afterAll(() => t?.close());

let seq = 0;
/** A word no other test's entry holds, so each search sees only its own entries. */
const marker = () => `测试${['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'][seq % 10]}${'一二三四五六七八九十'[Math.floor(seq++ / 10) % 10]}号`;

type Entry = { id: string; status: string; revision: number; question: string; answer: string; tags: string[]; publishedVersion: number | null };

async function create(body: Record<string, unknown>, token = maintainer.token): Promise<Entry> {
  const res = await t.as(token).post('/api/faq').send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function published(body: Record<string, unknown>): Promise<Entry> {
  const entry = await create(body);
  const res = await t.as(maintainer.token).post(`/api/faq/${entry.id}/publish`).send({});
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const search = async (token: string, q: string, extra = '') => {
  const res = await t.as(token).get(`/api/faq?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { total: number; items: (Entry & { updatedAt: string; match: string; highlights: { question: { start: number; end: number }[] } })[] };
};
const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('POST /api/faq and publish (CONTRACT.md "FAQ")', () => {
  it('creates a draft (201) and publishes it (200), in the contract shape', async () => {
    const created = await create({ question: '话费余额怎么查询？', answer: '拨打 10086 按 1 号键，或在营业厅 App 首页查看。', tags: ['话费'] });
    expect(created).toMatchObject({ status: 'draft', question: '话费余额怎么查询？', tags: ['话费'], publishedVersion: null, revision: 1, owner: maintainer.username });
    expect(typeof created.id).toBe('string');
    const res = await t.as(maintainer.token).post(`/api/faq/${created.id}/publish`).send({ reason: '首次发布' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: created.id, status: 'published', publishedVersion: 1 });
    expect(res.body.versions).toMatchObject([{ version: 1, publishedBy: maintainer.username, reason: '首次发布', question: '话费余额怎么查询？' }]);
  });

  it('lists the contract fields for every signed-in role', async () => {
    const m = marker();
    const entry = await published({ question: `${m}宽带断网怎么办`, answer: '先重启光猫，再检查网线。', tags: ['宽带', '故障'] });
    for (const token of [world.a.inspector.token, lead.token, world.supervisor.token, maintainer.token, t.adminToken]) {
      const page = await search(token, m);
      expect(page.total).toBe(1);
      expect(Object.keys(page).sort()).toEqual(['items', 'total']);
      const item = page.items[0];
      expect(item).toMatchObject({ id: entry.id, question: `${m}宽带断网怎么办`, answer: '先重启光猫，再检查网线。', tags: ['宽带', '故障'], status: 'published' });
      expect(new Date(item.updatedAt).toISOString()).toBe(item.updatedAt);
    }
    expect((await t.anonymous.get(`/api/faq?q=${encodeURIComponent(m)}`)).status).toBe(401);
  });

  it('answers 400 with a code for an empty question or answer, and for text that is only punctuation', async () => {
    for (const body of [
      { question: '', answer: '有内容' },
      { question: '有问题', answer: '' },
      { question: '   ', answer: '有内容' },
      { answer: '有内容' },
      { question: '？！。', answer: '有内容' },
      { question: '有问题', answer: '……' },
      { question: '有问题', answer: '有内容', tags: 'not-a-list' },
      { question: '有问题', answer: '有内容', project: 'NO-SUCH-PROJECT' },
    ]) {
      const res = await t.as(maintainer.token).post('/api/faq').send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('answers 404 for an unknown id and 409 FAQ_RETIRED for publishing a retired entry', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = await t.as(maintainer.token).post(`/api/faq/${unknown}/publish`).send({});
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    expect((await t.as(maintainer.token).get(`/api/faq/${unknown}`)).status).toBe(404);
    const entry = await published({ question: `${marker()}停用测试`, answer: '旧答案' });
    const retire = await t.as(maintainer.token).post(`/api/faq/${entry.id}/retire`).send({ reason: '业务已下线' });
    expect(retire.status).toBe(200);
    expect(retire.body).toMatchObject({ status: 'retired', retired: { reason: '业务已下线', by: maintainer.username } });
    const again = await t.as(maintainer.token).post(`/api/faq/${entry.id}/publish`).send({});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FAQ_RETIRED');
    const edit = await t.as(maintainer.token).put(`/api/faq/${entry.id}`).send({ question: '改一下', answer: '改一下', revision: retire.body.revision });
    expect(edit.body.code).toBe('FAQ_RETIRED');
    expect((await t.as(maintainer.token).post(`/api/faq/${entry.id}/retire`).send({})).status).toBe(400);
  });
});

describe('search normalisation (CONTRACT.md: regardless of Traditional/Simplified, width, punctuation and spaces)', () => {
  it('finds a Simplified entry by a Traditional query, and a Traditional entry by a Simplified one', async () => {
    const m = marker();
    const simplified = await published({ question: `${m}宽带账号被锁怎么处理`, answer: '核实身份后在系统里解锁。' });
    expect(ids(await search(world.a.inspector.token, `${m}寬帶賬號被鎖`))).toEqual([simplified.id]);
    const n = marker();
    const traditional = await published({ question: `${n}話費單據怎麼開發票`, answer: `在網上營業廳申請電子發票（${n}）。` });
    expect(ids(await search(world.a.inspector.token, `${n}话费单据`))).toEqual([traditional.id]);
    expect(ids(await search(world.a.inspector.token, `申请电子发票 ${n}`))).toEqual([traditional.id]);
  });

  it('ignores full and half width, case, punctuation and spaces', async () => {
    const m = marker();
    const entry = await published({ question: `${m}：ＶＩＰ套餐（５Ｇ）怎么退订？`, answer: `发送 TD 到 10086（${m}）。` });
    for (const q of [`${m}vip套餐5g`, `${m}ＶＩＰ\u3000套餐（５Ｇ）`, `${m} V I P 套 餐`, `${m}，VIP套餐！`]) {
      expect(ids(await search(world.a.inspector.token, q)), q).toEqual([entry.id]);
    }
    expect(ids(await search(world.a.inspector.token, `ｔｄ到１００８６，${m}`))).toEqual([entry.id]);
    expect(ids(await search(world.a.inspector.token, `${m}退订套餐`))).toEqual([]);
  });

  it('finds alternative phrasings, and ranks the question before the answer, exact before partial', async () => {
    const m = marker();
    const inAnswer = await published({ question: `${m}甲问题`, answer: `答案里提到${m}流量包` });
    const partial = await published({ question: `${m}流量包怎么办理`, answer: '营业厅办理' });
    const exact = await published({ question: `${m}流量包`, answer: '见说明' });
    const alternative = await published({ question: `${m}上网套餐`, answer: '见说明', alternatives: [`${m}流量包月`] });
    const page = await search(world.a.inspector.token, `${m}流量包`);
    expect(ids(page)).toEqual([exact.id, partial.id, alternative.id, inAnswer.id]);
    expect(page.items.map((i) => i.match)).toEqual(['question_exact', 'question', 'alternative', 'answer']);
    expect(page.items[1].highlights.question).toEqual([{ start: 0, end: `${m}流量包`.length }]);
    expect(ids(await search(world.a.inspector.token, `${m}流量包月`))).toEqual([alternative.id]);
  });

  it('finds one and two characters too (no trigram there), and pages', async () => {
    const m = marker();
    await published({ question: `${m}鎖`, answer: '甲' });
    await published({ question: `${m}锁机`, answer: '乙' });
    expect((await search(world.a.inspector.token, m)).total).toBe(2);
    const page = await search(world.a.inspector.token, m, '&pageSize=1&page=2');
    expect(page).toMatchObject({ total: 2 });
    expect(page.items).toHaveLength(1);
    expect((await search(world.a.inspector.token, '锁')).total).toBeGreaterThanOrEqual(2);
  });
});

describe('the trigram index (pg_trgm makes no trigrams of Chinese under the C ctype)', () => {
  it('keys Chinese text so that a query’s key lies inside the text’s key and has trigrams', async () => {
    const text = searchText('宽带账号被锁怎么处理？');
    expect(trigramKey(text)).toContain(trigramKey(searchText('賬號被鎖')));
    expect(trigramKey(text)).toMatch(/^[a-p]+$/);
    const db = t.app.get(DataSource);
    expect((await db.query(`SELECT show_trgm($1) AS t`, [trigramKey(searchText('话费'))]))[0].t.length).toBeGreaterThan(3);
  });

  it('serves a Chinese search from the GIN indexes of the keys', async () => {
    const db = t.app.get(DataSource);
    const key = `%${trigramKey(searchText('话费余额'))}%`;
    const plan = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      return tx.query(`EXPLAIN SELECT id FROM faq_versions WHERE "keyQuestion" LIKE $1 OR "keyAlternatives" LIKE $1 OR "keyAnswer" LIKE $1`, [key]);
    });
    const text = plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('IDX_faq_versions_key_question_trgm');
    expect(text).toContain('IDX_faq_versions_key_answer_trgm');
  });
});

describe('drafts, versions and who may do what', () => {
  it('lists drafts to FAQ maintainers and supervisors only', async () => {
    const m = marker();
    const draft = await create({ question: `${m}草稿问题`, answer: '草稿答案' });
    for (const token of [maintainer.token, world.supervisor.token]) expect(ids(await search(token, m))).toEqual([draft.id]);
    for (const token of [world.a.inspector.token, lead.token, t.adminToken]) {
      expect(await search(token, m)).toEqual({ total: 0, items: [] });
      expect((await t.as(token).get(`/api/faq/${draft.id}`)).status).toBe(404);
    }
    expect((await search(maintainer.token, m)).items[0].status).toBe('draft');
  });

  it('lets only FAQ maintainers and supervisors create, edit and publish', async () => {
    const entry = await create({ question: `${marker()}权限`, answer: '答' });
    for (const token of [world.a.inspector.token, lead.token, t.adminToken]) {
      expect((await t.as(token).post('/api/faq').send({ question: '问', answer: '答' })).status).toBe(403);
      expect((await t.as(token).post(`/api/faq/${entry.id}/publish`).send({})).status).toBe(403);
      expect((await t.as(token).put(`/api/faq/${entry.id}`).send({ question: '问', answer: '答', revision: 1 })).status).toBe(403);
    }
    const bySupervisor = await t.as(world.supervisor.token).post(`/api/faq/${entry.id}/publish`).send({});
    expect(bySupervisor.status).toBe(200);
    expect(bySupervisor.body.versions[0].publishedBy).toBe(world.supervisor.username);
  });

  it('keeps what agents see until an edit is published, each publication a version with who, when and why', async () => {
    const m = marker();
    const v1 = await published({ question: `${m}旧问题`, answer: '旧答案' });
    const edited = await t
      .as(maintainer.token)
      .put(`/api/faq/${v1.id}`)
      .send({ question: `${m}新问题`, answer: '新答案', tags: ['改版'], revision: v1.revision });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'draft', question: `${m}新问题`, publishedVersion: 1, published: { version: 1, question: `${m}旧问题` } });
    // An inspector still finds and reads the old version; the new words find nothing for him yet.
    expect((await search(world.a.inspector.token, `${m}旧问题`)).items).toMatchObject([{ id: v1.id, question: `${m}旧问题`, answer: '旧答案', status: 'published' }]);
    expect((await search(world.a.inspector.token, `${m}新问题`)).total).toBe(0);
    expect((await t.as(world.a.inspector.token).get(`/api/faq/${v1.id}`)).body).toMatchObject({ question: `${m}旧问题`, status: 'published' });
    // The maintainer sees the draft.
    expect((await search(maintainer.token, `${m}新问题`)).items).toMatchObject([{ id: v1.id, status: 'draft' }]);

    const review = await t.as(maintainer.token).post(`/api/faq/${v1.id}/submit`).send({ revision: edited.body.revision });
    expect(review.body.status).toBe('in_review');
    expect((await t.as(maintainer.token).post(`/api/faq/${v1.id}/submit`).send({})).body.code).toBe('FAQ_STATE');
    const v2 = await t.as(maintainer2.token).post(`/api/faq/${v1.id}/publish`).send({ reason: '资费调整', revision: review.body.revision });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ status: 'published', publishedVersion: 2 });
    expect(v2.body.versions.map((v: { version: number; publishedBy: string; reason: string | null }) => [v.version, v.publishedBy, v.reason])).toEqual([
      [2, maintainer2.username, '资费调整'],
      [1, maintainer.username, null],
    ]);
    expect((await search(world.a.inspector.token, `${m}新问题`)).items).toMatchObject([{ id: v1.id, answer: '新答案', tags: ['改版'] }]);
    expect((await search(world.a.inspector.token, `${m}旧问题`)).total).toBe(0);
    // Publishing again with nothing new changes nothing.
    const same = await t.as(maintainer.token).post(`/api/faq/${v1.id}/publish`).send({});
    expect(same.body.publishedVersion).toBe(2);
  });

  it('refuses the second of two maintainers editing the same revision with 409 FAQ_STALE, and keeps the first', async () => {
    const entry = await create({ question: `${marker()}并发`, answer: '原文' });
    const first = await t.as(maintainer.token).put(`/api/faq/${entry.id}`).send({ question: entry.question, answer: '甲改的', revision: entry.revision });
    expect(first.status).toBe(200);
    const second = await t.as(maintainer2.token).put(`/api/faq/${entry.id}`).send({ question: entry.question, answer: '乙改的', revision: entry.revision });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'FAQ_STALE', params: { revision: first.body.revision } });
    expect((await t.as(maintainer.token).get(`/api/faq/${entry.id}`)).body).toMatchObject({ answer: '甲改的', revision: first.body.revision });
    const stalePublish = await t.as(maintainer2.token).post(`/api/faq/${entry.id}/publish`).send({ revision: entry.revision });
    expect(stalePublish.body.code).toBe('FAQ_STALE');
  });

  it('retired entries drop out of the search for everyone but stay listed to maintainers asking for them', async () => {
    const m = marker();
    const entry = await published({ question: `${m}退役`, answer: '答' });
    await t.as(maintainer.token).post(`/api/faq/${entry.id}/retire`).send({ reason: '过时' });
    expect((await search(world.a.inspector.token, m)).total).toBe(0);
    expect((await search(maintainer.token, m)).total).toBe(0);
    expect(ids(await search(maintainer.token, m, '&status=retired'))).toEqual([entry.id]);
    expect((await t.as(world.a.inspector.token).get(`/api/faq/${entry.id}`)).status).toBe(404);
  });
});

describe('proposals from calls', () => {
  async function failedEvaluation() {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const res = await t
      .as(world.a.inspector.token)
      .post('/api/evaluations')
      .send({ recordingId, source: 'daily', items: (await allItems(t, { B3: 'fail' })).map((i: { code: string }) => (i.code === 'B3' ? { ...i, at: 12.5 } : i)) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { recordingId, evaluationId: res.body.id as string };
  }

  it('an inspector proposes from a defect; the inbox groups the same gap; accepting makes a draft', async () => {
    const m = marker();
    const one = await failedEvaluation();
    const two = await failedEvaluation();
    const propose = (call: { recordingId: string; evaluationId: string }, question: string) =>
      t
        .as(world.a.inspector.token)
        .post('/api/faq-proposals')
        .send({ ...call, code: 'B3', at: 12.5, question, answer: '正确的答案', note: '坐席答错了' });
    const first = await propose(one, `${m}国际漫游怎么开通？`);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      status: 'pending',
      recordingId: one.recordingId,
      evaluationId: one.evaluationId,
      at: 12.5,
      code: 'B3',
      agent: world.a.agent.employeeNo,
    });
    expect((await propose(two, `${m}國際漫遊怎麼開通`)).status).toBe(201);

    for (const token of [world.a.inspector.token, lead.token]) expect((await t.as(token).get('/api/faq-proposals')).status).toBe(403);
    const inbox = (await t.as(maintainer.token).get('/api/faq-proposals')).body;
    const group = inbox.groups.find((g: { proposals: { id: string }[] }) => g.proposals.some((p) => p.id === first.body.id));
    expect(group.proposals.map((p: { recordingId: string }) => p.recordingId).sort()).toEqual([one.recordingId, two.recordingId].sort());

    const accepted = await t.as(maintainer.token).post(`/api/faq-proposals/${first.body.id}/accept`).send({});
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    const draft = (await t.as(maintainer.token).get(`/api/faq/${accepted.body.acceptedEntryId}`)).body;
    expect(draft).toMatchObject({ status: 'draft', question: `${m}国际漫游怎么开通？`, answer: '正确的答案', owner: maintainer.username });
    expect((await t.as(maintainer.token).post(`/api/faq-proposals/${first.body.id}/accept`).send({})).body.code).toBe('FAQ_STATE');
    const mine = (await t.as(world.a.inspector.token).get('/api/faq-proposals/mine')).body;
    expect(mine.find((p: { id: string }) => p.id === first.body.id)).toMatchObject({ status: 'accepted' });
  });

  it('keeps proposals to calls in the inspector’s scope, and lets only inspectors and supervisors propose', async () => {
    const other = await recordingFor(t, world.b.agent.employeeNo);
    const res = await t.as(world.a.inspector.token).post('/api/faq-proposals').send({ recordingId: other, question: '问' });
    expect(res.status).toBe(403);
    const mine = await recordingFor(t, world.a.agent.employeeNo);
    expect((await t.as(maintainer.token).post('/api/faq-proposals').send({ recordingId: mine, question: '问' })).status).toBe(403);
    expect((await t.as(world.a.inspector.token).post('/api/faq-proposals').send({ recordingId: mine, question: '' })).status).toBe(400);
    const unknown = await t.as(world.a.inspector.token).post('/api/faq-proposals').send({ recordingId: '00000000-0000-4000-8000-000000000000', question: '问' });
    expect(unknown.status).toBe(400);
  });
  it('lets the maintainers hear the call a proposal points at, and nothing else of it; the playback is logged', async () => {
    const call = await failedEvaluation();
    const proposal = await t
      .as(world.a.inspector.token)
      .post('/api/faq-proposals')
      .send({ ...call, code: 'B3', at: 12.5, question: `${marker()}积分怎么兑换？` });
    expect(proposal.status).toBe(201);
    // The maintainer reads no recordings directly…
    expect((await t.as(maintainer.token).get(`/api/recordings/${call.recordingId}/audio`)).status).toBe(403);
    // …but hears this one through its proposal, seeking as a player does.
    const whole = await t.as(maintainer.token).get(`/api/faq-proposals/${proposal.body.id}/audio`).buffer(true);
    expect(whole.status).toBe(200);
    expect(whole.headers['content-type']).toMatch(/^audio\//);
    const size = Number(whole.headers['content-length']);
    const part = await t.as(maintainer.token).get(`/api/faq-proposals/${proposal.body.id}/audio`).set('Range', 'bytes=100-199').buffer(true);
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${size}`);
    const log = await t.as(world.supervisor.token).get(`/api/recordings/access-log?recordingId=${call.recordingId}&username=${maintainer.username}`);
    expect(log.body.items.filter((e: { action: string }) => e.action === 'play')).toHaveLength(1);
    const refusals = [
      ['an inspector, who proposes but does not decide', world.a.inspector.token, proposal.body.id, 403],
      ['a team lead', lead.token, proposal.body.id, 403],
      ['an unknown proposal', maintainer.token, '00000000-0000-4000-8000-000000000000', 404],
      ['an id that is no id', maintainer.token, 'nope', 400],
    ] as const;
    for (const [title, token, id, status] of refusals) {
      const res = await t.as(token).get(`/api/faq-proposals/${id}/audio`);
      expect(res.status, title).toBe(status);
      expect(res.body.code, title).toBeTruthy();
    }
  });
});

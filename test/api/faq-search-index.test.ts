import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchText } from '#shared/faq/search.js';
import { seededRandom } from '#shared/random.js';
import { FaqRepository, type FaqSearchCriteria } from '#server/faq/faq.repository.js';
import { FaqSearchIndex } from '#server/faq/faq-search-index.js';
import { builders, twoProjects } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The FAQ search runs in memory in each process (faq-search-index.ts) and must answer exactly what
 * the database query (`FaqRepository.searchInDatabase`) answers, for every filter, and see every
 * committed change at once.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let maintainer: { token: string };
let repo: FaqRepository;
let index: FaqSearchIndex;

const TOPICS = ['宽带', '话费', '携号转网', '营业厅App', '光猫', '套餐'];
const ASKS = ['怎么办理', '如何查询', '收费标准', '出现故障', '可以取消吗'];

beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
  maintainer = await builders(t).user({ roles: ['faq_maintainer'] });
  repo = t.app.get(FaqRepository);
  index = t.app.get(FaqSearchIndex);
  const random = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  for (let i = 0; i < 40; i++) {
    const topic = pick(TOPICS);
    const body = {
      question: i % 9 === 0 ? topic : `${topic}${pick(ASKS)}（${i}）`,
      answer: `${pick(TOPICS)}：${pick(ASKS)}，请拨打 10086。`,
      tags: [pick(TOPICS)],
      alternatives: i % 4 === 0 ? [topic, `${pick(TOPICS)}${pick(ASKS)}`] : [],
      project: i % 5 === 0 ? world.a.project.code : i % 7 === 0 ? world.b.project.code : undefined,
    };
    const created = await t.as(maintainer.token).post('/api/faq').send(body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    if (i % 3 === 0) continue; // a draft
    const published = await t.as(maintainer.token).post(`/api/faq/${created.body.id}/publish`).send({});
    expect(published.status).toBe(200);
    if (i % 4 === 1) {
      // A working copy that differs from what agents see.
      const edited = await t
        .as(maintainer.token)
        .put(`/api/faq/${created.body.id}`)
        .send({ ...body, question: `${pick(TOPICS)}${pick(ASKS)}（改 ${i}）`, revision: published.body.revision });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    }
    if (i % 10 === 2) {
      const retired = await t.as(maintainer.token).post(`/api/faq/${created.body.id}/retire`).send({ reason: '业务下线' });
      expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    }
  }
});
afterAll(() => t?.close());

const QUERIES = ['', ...TOPICS, ...ASKS, '宽带怎么办理', '寬帶', '１００８６', '不存在的说法'];

describe('the FAQ search in memory', () => {
  it('answers every query, copy and filter exactly as the database query does: total, order, ranks', async () => {
    const filters: Partial<FaqSearchCriteria>[] = [
      {},
      { tag: '宽带' },
      { projectId: (await repo.projectIdByCode(world.a.project.code))! },
      { status: 'draft' },
      { status: 'retired' },
      { page: 2, pageSize: 5 },
    ];
    let compared = 0;
    for (const q of QUERIES)
      for (const copy of ['published', 'working'] as const)
        for (const filter of filters) {
          if (filter.status && copy === 'published') continue;
          const criteria: FaqSearchCriteria = { q: searchText(q), copy, page: 1, pageSize: 20, ...filter };
          const [memory, database] = await Promise.all([index.search(criteria), repo.searchInDatabase(criteria)]);
          expect(memory, `${q} ${copy} ${JSON.stringify(filter)}`).toEqual(database);
          if (memory.total > 1) compared++;
        }
    expect(compared).toBeGreaterThan(20); // the fixture makes real lists to order, not empty ones
  });

  it('sees a change committed through another process at once, and only counted changes', async () => {
    const db = t.app.get(DataSource);
    const before = await t.as(world.a.lead.token).get(`/api/faq?q=${encodeURIComponent('别处改过的问题')}`);
    expect(before.body.total).toBe(0);
    const [{ id }] = await db.query(
      `SELECT "entryId" AS id FROM faq_versions s JOIN faq_entries e ON e.id = s."entryId" AND e."publishedVersion" = s.version WHERE e.status = 'published' LIMIT 1`,
    );
    const changed = searchText('别处改过的问题');
    // Behind the repository's back, without counting the change: the index keeps what it holds.
    await db.query(`UPDATE faq_versions SET question = '别处改过的问题', "searchQuestion" = $2 WHERE "entryId" = $1`, [id, changed]);
    expect((await t.as(world.a.lead.token).get(`/api/faq?q=${encodeURIComponent('别处改过的问题')}`)).body.total).toBe(0);
    // As another process's write does: the change counted in the same transaction.
    await db.query(`UPDATE faq_search_generation SET generation = generation + 1 WHERE id = 1`);
    const after = await t.as(world.a.lead.token).get(`/api/faq?q=${encodeURIComponent('别处改过的问题')}`);
    expect(after.body.total).toBe(1);
    expect(after.body.items[0]).toMatchObject({ id, question: '别处改过的问题', match: expect.any(String) });
  });
});

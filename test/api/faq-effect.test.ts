import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders, twoProjects } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 14, "Did it help?": an entry published from a proposal shows, for the item the prompting call
 * failed, that item's failure rate in the call's project over the four weeks before publishing and
 * the weeks since, each with its 95 % interval, and "improved" only when the intervals part.
 */

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let maintainer: { token: string; username: string };

const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Three weeks before today, at 10:00 in the centre: week -3 of a publication today. */
const BEFORE = `${addDays(TODAY, -18)}T10:00:00+08:00`;

beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
  maintainer = await builders(t).user({ roles: ['faq_maintainer'] });
});
afterAll(() => t?.close());

/** A submitted daily evaluation of a call of project b's agent at `startedAt`, failing B3 or not. */
async function evaluation(startedAt: string, b3: 'pass' | 'fail') {
  const recordingId = await recordingFor(t, world.b.agent.employeeNo, { startedAt });
  const items = (await allItems(t, { B3: b3 })).map((i: { code: string }) => (i.code === 'B3' && b3 === 'fail' ? { ...i, at: 3 } : i));
  const res = await t.as(world.b.inspector.token).post('/api/evaluations').send({ recordingId, source: 'daily', items });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { recordingId, evaluationId: res.body.id as string };
}

describe('did the FAQ entry help?', () => {
  it('compares the prompting item’s failure rate before publishing with since, week by week', async () => {
    const failed = [];
    for (let i = 0; i < 8; i++) failed.push(await evaluation(BEFORE, 'fail'));
    for (let i = 0; i < 2; i++) await evaluation(BEFORE, 'pass');

    const proposal = await t
      .as(world.b.inspector.token)
      .post('/api/faq-proposals')
      .send({ ...failed[0], code: 'B3', at: 3, question: '流量包可以叠加订购吗？', answer: '可以，同月内叠加生效。' });
    expect(proposal.status, JSON.stringify(proposal.body)).toBe(201);
    const accepted = await t.as(maintainer.token).post(`/api/faq-proposals/${proposal.body.id}/accept`).send({});
    const entryId = accepted.body.acceptedEntryId as string;
    // Accepted but not published yet: nothing to compare.
    expect((await t.as(maintainer.token).get(`/api/faq/${entryId}/effect`)).body).toEqual({ publishedVersion: null, publishedOn: null, windowWeeks: 4, items: [] });
    expect((await t.as(maintainer.token).post(`/api/faq/${entryId}/publish`).send({ reason: '质检发现' })).status).toBe(200);

    for (let i = 0; i < 10; i++) await evaluation(new Date().toISOString(), 'pass');

    const res = await t.as(maintainer.token).get(`/api/faq/${entryId}/effect`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ publishedVersion: 1, publishedOn: TODAY, windowWeeks: 4 });
    expect(res.body.items).toHaveLength(1);
    const [item] = res.body.items;
    // 8 of 10 before: Wilson 95 % [0.4902, 0.9433]; 0 of 10 since: [0, 0.2775].
    expect(item).toMatchObject({
      project: world.b.project.code,
      code: 'B3',
      calls: 1,
      before: { calls: 10, failures: 8, rate: 0.8, low: 0.4902, high: 0.9433 },
      after: { calls: 10, failures: 0, rate: 0, low: 0, high: 0.2775 },
      verdict: 'improved',
    });
    // Weeks -4…0 (the weeks since stop at today); the failures sit in week -3.
    expect(item.weeks.map((w: { week: number }) => w.week)).toEqual([-4, -3, -2, -1, 0]);
    expect(item.weeks.find((w: { week: number }) => w.week === -3)).toEqual({ week: -3, from: addDays(TODAY, -21), evaluated: 10, failures: 8 });
    expect(item.weeks.find((w: { week: number }) => w.week === 0)).toEqual({ week: 0, from: TODAY, evaluated: 10, failures: 0 });
  });

  it('counts an amendment, not the verdict it replaced', async () => {
    const entry = (await t.as(maintainer.token).get('/api/faq?q=流量包可以叠加订购')).body.items[0];
    const before = (await t.as(maintainer.token).get(`/api/faq/${entry.id}/effect`)).body.items[0].after;
    const call = await evaluation(new Date().toISOString(), 'pass');
    const amended = await t
      .as(world.supervisor.token)
      .post(`/api/evaluations/${call.evaluationId}/amend`)
      .send({ reason: '复核后改判为不合格', items: [{ code: 'B3', verdict: 'fail', at: 2 }] });
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    const after = (await t.as(maintainer.token).get(`/api/faq/${entry.id}/effect`)).body.items[0].after;
    expect(after).toMatchObject({ calls: before.calls + 1, failures: before.failures + 1 });
  });

  it('refuses who does not curate the FAQ, and names unknown entries', async () => {
    const entry = (await t.as(maintainer.token).get('/api/faq?q=流量包可以叠加订购')).body.items[0];
    const cases = [
      ['an inspector', world.b.inspector.token, entry.id, 403],
      ['a team lead', world.b.lead.token, entry.id, 403],
      ['the supervisor', world.supervisor.token, entry.id, 200],
      ['an unknown entry', maintainer.token, '00000000-0000-4000-8000-000000000000', 404],
      ['an id that is no id', maintainer.token, 'x', 400],
    ] as const;
    for (const [title, token, id, status] of cases) expect((await t.as(token).get(`/api/faq/${id}/effect`)).status, title).toBe(status);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '#shared/dates.js';
import { addDays } from '#shared/reports/periods.js';
import { DemoCallsService } from '#server/demo/demo-calls.service.js';
import { DemoHistoryService, type HistoryFigures } from '#server/demo/demo-history.service.js';
import { toneWav } from '../support/audio.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The demo's weeks of listening (server/src/demo/demo-history.service.ts) on a handful of calls rather
 * than four weeks of synthesised audio: agents of lead1's team, two calls a day on a day older than
 * the latest week, three days ago and the day before yesterday, the forbidden phrase in every one (a
 * critical failure no inspector overrules, so each evaluation is fatal and leaves a coaching item).
 */
let t: TestApp;
let figures: HistoryFigures;
const today = localDateOf(new Date(), 'Asia/Shanghai');
const DAYS_AGO = [9, 3, 2];
/** The older day's agents are others than the recent days': their coaching is judged on no later call. */
const agentsOn = (d: number) => (d > 7 ? ['CS1001', 'CS1002'] : ['CS1003', 'CS1004']);

const rudeTranscript = {
  language: 'zh-CN',
  segments: [
    { speaker: 'agent', start: 0.5, end: 3, text: '您好，请问有什么可以帮您' },
    { speaker: 'customer', start: 3.5, end: 7, text: '我想问一下话费怎么算的' },
    { speaker: 'agent', start: 7.5, end: 10, text: '这个我不清楚，你自己去营业厅问吧' },
    { speaker: 'agent', start: 15, end: 18, text: '谢谢，再见' },
  ],
};

beforeAll(async () => {
  t = await startTestApp({ DEMO_DATA: '1', DEMO_CALL_DAYS: '0', DEMO_PASSWORD: 'demo1234' });
  for (const d of DAYS_AGO) {
    for (const [k, agent] of agentsOn(d).entries()) {
      const res = await t
        .as(t.adminToken)
        .post('/api/recordings')
        .attach('audio', toneWav(20), 'call.wav')
        .field('metadata', JSON.stringify({ externalId: `HIST-${d}-${agent}`, agent, startedAt: `${addDays(today, -d)}T1${k}:00:00+08:00`, direction: 'inbound' }))
        .field('transcript', JSON.stringify(rudeTranscript));
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
  }
  // The demo's own sampling of those days (its plan draws one call an agent), then its history.
  await t.app.get(DemoCallsService).sampleDays(10);
  figures = await t.app.get(DemoHistoryService).seed(10);
}, 120_000);
afterAll(() => t?.close());

describe('the demo history', () => {
  it('scores every sampled call up to three days ago, half of the day before yesterday, through the real evaluation service', async () => {
    // CS has two inspectors (inspector1, inspector3): the days' picks are spread over both, each scores his own.
    const inspectors = [t.as(await t.login('inspector1', 'demo1234')), t.as(await t.login('inspector3', 'demo1234'))];
    const progress = async (d: number) => {
      const each = [];
      for (const api of inspectors) each.push((await api.get(`/api/sampling/queue?date=${addDays(today, -d)}`)).body as { total: number; done: number });
      return each;
    };
    const sum = (each: { total: number; done: number }[]) => ({ total: each.reduce((n, x) => n + x.total, 0), done: each.reduce((n, x) => n + x.done, 0) });
    expect(sum(await progress(9))).toEqual({ total: 2, done: 2 });
    expect(sum(await progress(3))).toEqual({ total: 2, done: 2 });
    const dayBefore = await progress(2);
    expect(sum(dayBefore).total).toBe(2);
    // Half of each inspector's picks, rounded up.
    for (const x of dayBefore) expect(x.done).toBe(Math.ceil(x.total / 2));
    const evaluations = 4 + sum(dayBefore).done;
    expect(figures).toMatchObject({ evaluations, fatal: evaluations });

    // What the service reports is what the lists and the summary say.
    const supervisor = t.as(await t.login('supervisor', 'demo1234'));
    const list = (await supervisor.get(`/api/evaluations?from=${addDays(today, -9)}&to=${today}`)).body;
    expect(list.total).toBe(evaluations);
    for (const e of list.items) {
      expect(e).toMatchObject({ fatal: true, score: 0, source: 'daily' });
      expect(['inspector1', 'inspector3']).toContain(e.inspector);
      expect(e.items.find((i: { code: string }) => i.code === 'FORBIDDEN').verdict).toBe('fail');
    }
    const summary = (await supervisor.get(`/api/reports/summary?project=CS&from=${addDays(today, -9)}&to=${today}`)).body;
    expect(summary).toMatchObject({ evaluations, fatalRate: 1 });
  });

  it('has the team lead coach and the agent acknowledge the items of calls older than the latest week, and leaves the newer ones open', async () => {
    const lead = t.as(await t.login('lead1', 'demo1234'));
    const items = (await lead.get('/api/coaching-items?pageSize=100')).body.items as {
      id: string;
      evaluationId: string;
      status: string;
      acknowledgedBy: string | null;
    }[];
    expect(items).toHaveLength(figures.evaluations);
    const callDate = new Map<string, string>();
    for (const i of items) callDate.set(i.id, (await lead.get(`/api/evaluations/${i.evaluationId}`)).body.callDate);
    const old = items.filter((i) => callDate.get(i.id)! < addDays(today, -7));
    const recent = items.filter((i) => callDate.get(i.id)! >= addDays(today, -7));
    expect(old).toHaveLength(2);
    expect(figures.coached).toBe(2);
    for (const i of old) {
      expect(i).toMatchObject({ status: 'coached', acknowledgedBy: 'lead1' });
      const detail = (await lead.get(`/api/coaching-items/${i.id}`)).body;
      expect(detail.sessions).toHaveLength(1);
      expect(detail.sessions[0].date).toBe(addDays(callDate.get(i.id)!, 1));
    }
    expect(recent).toHaveLength(figures.evaluations - 2);
    expect(recent.every((i) => i.status === 'open')).toBe(true);
    expect((await lead.get('/api/coaching-items?status=open')).body.total).toBe(figures.evaluations - 2);
  });
});

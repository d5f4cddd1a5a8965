import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wilsonInterval } from '#shared/rectification/failure-rate.js';
import { builders } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

/**
 * GET /api/reports/inspector-consistency: one inspector's scores against the other inspectors' on
 * similar calls (same business type, direction and length band), amendments and agreement with the
 * machine, per week, against a hand-computed fixture.
 */

let t: TestApp;
type User = { username: string; token: string };
let w: { project: string; team: string; i1: User; i2: User; i3: User; lead: User; supervisor: User; elsewhere: User; s1: number; amendedScore: number };

/** A call of the agent on that day and business type, its automatic checks done. */
async function call(agent: string, day: string, businessType: string): Promise<string> {
  const id = await recordingFor(t, agent, { startedAt: `${day}T10:00:00+08:00`, businessType });
  await waitFor(async () => (await t.as(t.adminToken).get(`/api/recordings/${id}/auto-checks`)).body.results?.length > 0, {
    timeoutMs: 30_000,
    what: 'the automatic checks',
  });
  return id;
}

async function evaluate(token: string, recordingId: string, verdicts: Record<string, 'pass' | 'fail'> = {}, source = 'daily') {
  const res = await t
    .as(token)
    .post('/api/evaluations')
    .send({ recordingId, source, items: await allItems(t, verdicts) });
  expect(res.status).toBe(201);
  return res.body as { id: string; score: number };
}

const WEEK1 = '2026-10-05';
const WEEK2 = '2026-10-13';
const PERIOD = 'from=2026-10-05&to=2026-10-18';

beforeAll(async () => {
  t = await startTestApp();
  const b = builders(t);
  const project = await b.project();
  const team = await b.team(project.code);
  const other = await b.project();
  const agent = (await b.agent(team.code)).employeeNo;
  const inspector = () => b.user({ roles: ['inspector'], projects: [project.code] });
  const [i1, i2, i3] = [await inspector(), await inspector(), await inspector()];
  const lead = await b.user({ roles: ['team_lead'], teams: [team.code] });
  const supervisor = await b.user({ roles: ['supervisor'] });
  const elsewhere = await b.user({ roles: ['supervisor'], projects: [other.code] });

  // Week 1, 话费 calls: i1 gives 100 and s1 (a failed greeting), i2 gives 100 twice.
  await evaluate(i1.token, await call(agent, WEEK1, '话费'));
  const s1 = (await evaluate(i1.token, await call(agent, WEEK1, '话费'), { GREETING: 'fail' })).score;
  await evaluate(i2.token, await call(agent, WEEK1, '话费'));
  await evaluate(i2.token, await call(agent, WEEK1, '话费'));
  // Week 2: a 宽带 call i1 fails fatally and i3 passes; a 投诉 call only i1 scored (no peers), later amended.
  await evaluate(i1.token, await call(agent, WEEK2, '宽带'), { FORBIDDEN: 'fail' });
  await evaluate(i3.token, await call(agent, WEEK2, '宽带'));
  const lone = await evaluate(i1.token, await call(agent, WEEK2, '投诉'));
  const amended = await t
    .as(supervisor.token)
    .post(`/api/evaluations/${lone.id}/amend`)
    .send({ reason: '复核：问候不合格', items: [{ code: 'GREETING', verdict: 'fail' }] });
  expect(amended.status).toBe(200);
  // Never counted: a calibration evaluation.
  await evaluate(i1.token, await call(agent, WEEK1, '话费'), { GREETING: 'fail', A4: 'fail' }, 'calibration');
  w = { project: project.code, team: team.code, i1, i2, i3, lead, supervisor, elsewhere, s1, amendedScore: amended.body.score };
  expect(s1).toBeGreaterThan(0);
  expect(s1).toBeLessThan(100);
});
afterAll(() => t?.close());

const get = (query: string, token = w.supervisor.token) => t.as(token).get(`/api/reports/inspector-consistency?project=${w.project}&${query}`);
const near = (actual: number | null, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(0.05 + 1e-9);
};

describe('GET /api/reports/inspector-consistency', () => {
  it('compares the inspector with peers on similar calls only, week by week and over the period', async () => {
    const res = await get(`inspector=${w.i1.username}&${PERIOD}`);
    expect(res.status).toBe(200);
    const { s1, amendedScore } = w;
    expect(res.body).toMatchObject({ inspector: w.i1.username, bucket: 'week' });
    const scores = [100, s1, 0, amendedScore];
    const mean = scores.reduce((a, x) => a + x, 0) / 4;
    const sd = Math.sqrt(scores.reduce((a, x) => a + (x - mean) ** 2, 0) / 3);
    const totals = res.body.totals;
    expect(totals).toMatchObject({ evaluations: 4, compared: 3, amendments: 1 });
    near(totals.averageScore, mean);
    near(totals.scoreSpread, sd);
    // 话费: (100 + s1) − 2 × 100 against i2's 100s; 宽带: 0 − 100 against i3; 投诉 has no peers.
    near(totals.similarDeviation, (s1 - 100 - 100) / 3);
    expect(totals.peerSpread).toBe(0); // the peers gave 100 every time
    const [one, two] = res.body.trend;
    expect(res.body.trend).toHaveLength(2);
    expect(one).toMatchObject({ from: '2026-10-05', to: '2026-10-11', evaluations: 2, compared: 2, amendments: 0 });
    near(one.similarDeviation, (s1 - 100) / 2);
    expect(two).toMatchObject({ from: '2026-10-12', to: '2026-10-18', evaluations: 2, compared: 1, amendments: 1 });
    near(two.similarDeviation, -100);
  });

  it('gives agreement with each automatic rule with its 95 % interval', async () => {
    const res = await get(`inspector=${w.i1.username}&${PERIOD}`);
    const rule = (code: string) => res.body.rules.find((r: { code: string }) => r.code === code);
    // The polite calls pass every rule by machine; i1 failed GREETING twice (once by amendment) and FORBIDDEN once.
    const greeting = wilsonInterval(2, 4);
    expect(rule('GREETING')).toEqual({
      code: 'GREETING',
      evaluated: 4,
      agreed: 2,
      rate: greeting.rate,
      low: greeting.low,
      high: greeting.high,
      // None was scored blind: every one showed the suggestion, and i1 overturned it twice.
      blind: { total: 0, count: 0, rate: null, low: null, high: null },
      overturned: { total: 4, count: 2, rate: greeting.rate, low: greeting.low, high: greeting.high },
    });
    expect(rule('FORBIDDEN')).toMatchObject({ evaluated: 4, agreed: 3 });
  });

  it('gives a peer’s own view of the same calls: i2 lenient against i1 on 话费', async () => {
    const res = await get(`inspector=${w.i2.username}&${PERIOD}`);
    expect(res.body.totals).toMatchObject({ evaluations: 2, compared: 2, amendments: 0, scoreSpread: 0 });
    near(res.body.totals.similarDeviation, 100 - (100 + w.s1) / 2);
  });

  it('gives empty figures for a user who scored nothing in the period', async () => {
    const res = await get(`inspector=${w.lead.username}&${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      evaluations: 0,
      averageScore: null,
      scoreSpread: null,
      similarDeviation: null,
      compared: 0,
      peerSpread: null,
      amendments: 0,
      disputes: { disputedItems: 0, upheldItems: 0, upheldRate: null },
      calibration: { sessions: 0, total: 0, count: 0, rate: null, low: null, high: null },
    });
    expect(res.body.rules).toEqual([]);
  });

  it('counts the items team leads disputed on the inspector’s evaluations of the period’s calls, and those upheld against him (issue 15)', async () => {
    const agent = (await t.as(t.adminToken).get(`/api/agents?team=${w.team}&pageSize=1`)).body.items[0].employeeNo;
    const dispute = async (day: string, fails: string[]) => {
      const evaluation = await evaluate(w.i1.token, await call(agent, day, '话费'), Object.fromEntries(fails.map((c) => [c, 'fail' as const])));
      const res = await t
        .as(w.lead.token)
        .post(`/api/evaluations/${evaluation.id}/disputes`)
        .send({ items: fails.map((code) => ({ code, reason: '录音里做到了' })) });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const id = await dispute('2026-11-03', ['GREETING', 'B1', 'B2']);
    await dispute('2026-11-12', ['B3']); // a call after the period: not counted
    const answered = await t
      .as(w.i1.token)
      .post(`/api/disputes/${id}/answer`)
      .send({
        items: [
          { code: 'GREETING', decision: 'accept' },
          { code: 'B1', decision: 'reject', reason: '维持' },
          { code: 'B2', decision: 'reject', reason: '维持' },
        ],
      });
    expect(answered.status).toBe(201);
    expect((await t.as(w.lead.token).post(`/api/disputes/${id}/escalate`).send({ reason: '请主管裁定' })).status).toBe(201);
    const ruled = await t
      .as(w.supervisor.token)
      .post(`/api/disputes/${id}/ruling`)
      .send({
        items: [
          { code: 'B1', ruling: 'uphold', reason: '成立' },
          { code: 'B2', ruling: 'reject', reason: '不成立' },
        ],
      });
    expect(ruled.status).toBe(201);
    const res = await get(`inspector=${w.i1.username}&from=2026-11-02&to=2026-11-08`);
    expect(res.body.totals.disputes).toEqual({ disputedItems: 3, upheldItems: 2, upheldRate: 2 / 3 });
    expect((await get(`inspector=${w.i2.username}&from=2026-11-02&to=2026-11-08`)).body.totals.disputes).toEqual({ disputedItems: 0, upheldItems: 0, upheldRate: null });
  });

  it.each([
    ['an unknown user', () => `inspector=nobody-here&${PERIOD}`, 'inspector'],
    ['no inspector', () => PERIOD, 'inspector'],
    ['from after to', () => `inspector=${w.i1.username}&from=2026-10-18&to=2026-10-05`, 'from'],
    ['a date that is not one', () => `inspector=${w.i1.username}&from=2026-02-30&to=2026-03-05`, 'from'],
    ['more than three years', () => `inspector=${w.i1.username}&from=2020-01-01&to=2026-10-05`, 'to'],
  ])('400 for %s, naming the field', async (_title, query, field) => {
    const res = await get(query());
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('is for supervisors and admins of the project only', async () => {
    const q = `inspector=${w.i1.username}&${PERIOD}`;
    expect((await get(q, w.i1.token)).status).toBe(403);
    expect((await get(q, w.lead.token)).status).toBe(403);
    expect((await get(q, w.elsewhere.token)).status).toBe(403);
    expect((await get(q, t.adminToken)).status).toBe(200);
  });
});

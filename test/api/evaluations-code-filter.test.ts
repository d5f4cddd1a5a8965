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

/** recordingFor() files its calls on this day, Shanghai time. */
const DAY = '2026-11-20';

async function scored(token: string, employeeNo: string, verdicts: Record<string, 'fail'>) {
  const recordingId = await recordingFor(t, employeeNo);
  const res = await t
    .as(token)
    .post('/api/evaluations')
    .send({ recordingId, source: 'daily', items: await allItems(t, verdicts) });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}

/** The problems page's drill-down: the evaluations of a team or agent that failed one item (issue 10). */
describe('GET /api/evaluations?code=', () => {
  it('lists only the evaluations that failed the item, together with team, agent and dates', async () => {
    const b = builders(t);
    const team = await b.team(world.a.project.code);
    const [one, two] = [await b.agent(team.code), await b.agent(team.code)];
    const greeting = await scored(world.a.inspector.token, one.employeeNo, { GREETING: 'fail' });
    const closing = await scored(world.a.inspector.token, one.employeeNo, { CLOSING: 'fail' });
    const both = await scored(world.a.inspector.token, two.employeeNo, { GREETING: 'fail', CLOSING: 'fail' });
    await scored(world.a.inspector.token, two.employeeNo, {});
    const ids = async (query: string) => {
      const res = await t.as(world.a.inspector.token).get(`/api/evaluations?${query}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(res.body.items.length);
      return res.body.items.map((e: { id: string }) => e.id).sort();
    };
    expect(await ids(`team=${team.code}`)).toHaveLength(4); // without code, every evaluation as before
    expect(await ids(`team=${team.code}&code=GREETING`)).toEqual([greeting, both].sort());
    expect(await ids(`team=${team.code}&agent=${one.employeeNo}&code=GREETING`)).toEqual([greeting]);
    expect(await ids(`from=${DAY}&to=${DAY}&team=${team.code}&code=CLOSING`)).toEqual([closing, both].sort());
    expect(await ids(`team=${team.code}&code=GREETING,CLOSING`)).toEqual([greeting, closing, both].sort());
    expect(await ids(`team=${team.code}&code=SILENCE`)).toEqual([]);
    expect(await ids(`from=2020-01-01&to=2020-01-02&team=${team.code}&code=GREETING`)).toEqual([]);
  });

  it('stays within the caller’s scope: another team’s lead gets 403, another project’s rows never show', async () => {
    const b = builders(t);
    const team = await b.team(world.a.project.code);
    const agent = await b.agent(team.code);
    await scored(world.a.inspector.token, agent.employeeNo, { GREETING: 'fail' });
    const otherLead = await b.user({ roles: ['team_lead'], teams: [world.a.team.code] });
    expect((await t.as(otherLead.token).get(`/api/evaluations?team=${team.code}&code=GREETING`)).status).toBe(403);
    const mine = await t.as(otherLead.token).get('/api/evaluations?code=GREETING');
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((e: { team: string }) => e.team === world.a.team.code)).toBe(true);
    const outsider = await t.as(world.b.inspector.token).get('/api/evaluations?code=GREETING');
    expect(outsider.body.items.every((e: { team: string }) => e.team !== team.code)).toBe(true);
  });

  it.each([
    ['a space', 'GREETING%20X'],
    ['an empty code', 'GREETING,,CLOSING'],
    ['a code too long', 'X'.repeat(33)],
  ])('answers 400 naming code for %s', async (_title, code) => {
    const res = await t.as(world.a.inspector.token).get(`/api/evaluations?code=${code}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('code');
  });

  it('filters the CSV export the same way', async () => {
    const b = builders(t);
    const team = await b.team(world.a.project.code);
    const agent = await b.agent(team.code);
    await scored(world.a.inspector.token, agent.employeeNo, { GREETING: 'fail' });
    await scored(world.a.inspector.token, agent.employeeNo, { CLOSING: 'fail' });
    // Supervisors export directly; an inspector's export is a request (exports need approval).
    const res = await t.as(world.supervisor.token).get(`/api/evaluations?team=${team.code}&code=CLOSING&format=csv`);
    expect(res.status).toBe(200);
    expect(res.text.trim().split('\n')).toHaveLength(2); // header and one row
  });
});

/** The dashboard's drill-down: one project's evaluations of a period, as many as its figure counts (issue 12). */
describe('GET /api/evaluations?project=', () => {
  it('lists only that project’s evaluations, and refuses a project outside the caller’s scope', async () => {
    const inA = await scored(world.a.inspector.token, world.a.agent.employeeNo, {});
    const inB = await scored(world.b.inspector.token, world.b.agent.employeeNo, {});
    const list = async (project: string) => (await t.as(world.supervisor.token).get(`/api/evaluations?from=${DAY}&to=${DAY}&project=${project}&pageSize=500`)).body;
    const a = await list(world.a.project.code);
    expect(a.items.map((e: { id: string }) => e.id)).toContain(inA);
    expect(a.items.map((e: { id: string }) => e.id)).not.toContain(inB);
    const summary = (await t.as(world.supervisor.token).get(`/api/reports/summary?project=${world.a.project.code}&from=${DAY}&to=${DAY}`)).body;
    expect(a.total).toBe(summary.evaluations);
    expect((await t.as(world.a.inspector.token).get(`/api/evaluations?project=${world.b.project.code}`)).status).toBe(403);
  });
});

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

/** The inspector's home counts his drafts left open and links to this list (issue 12). */
describe('GET /api/evaluations?status=draft', () => {
  it('lists the caller’s own open drafts, not submitted ones, not other inspectors’ drafts, and not a draft once submitted', async () => {
    const b = builders(t);
    const team = await b.team(world.a.project.code);
    const agent = await b.agent(team.code);
    const other = await b.user({ roles: ['inspector'], projects: [world.a.project.code] });
    const mine = t.as(world.a.inspector.token);
    const draft = async (token: string) => {
      const res = await t
        .as(token)
        .post('/api/evaluations/drafts')
        .send({ recordingId: await recordingFor(t, agent.employeeNo), source: 'daily' });
      expect(res.status).toBe(201);
      return res.body as { id: string; revision: number };
    };
    const open = await draft(world.a.inspector.token);
    const toSubmit = await draft(world.a.inspector.token);
    const othersDraft = await draft(other.token);
    const submitted = await mine.post('/api/evaluations').send({ recordingId: await recordingFor(t, agent.employeeNo), source: 'daily', items: await allItems(t) });
    expect(submitted.status).toBe(201);

    const ids = async (token: string, query: string) => {
      const res = await t.as(token).get(`/api/evaluations?${query}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(res.body.items.length);
      return res.body.items.map((e: { id: string }) => e.id).sort();
    };
    expect(await ids(world.a.inspector.token, `status=draft&team=${team.code}`)).toEqual([open.id, toSubmit.id].sort());
    expect(await ids(world.a.inspector.token, `status=draft&inspector=me&from=${DAY}&to=${DAY}`)).toEqual([open.id, toSubmit.id].sort());
    expect(await ids(world.a.inspector.token, 'status=draft&from=2020-01-01&to=2020-01-02')).toEqual([]);
    // The default stays the submitted evaluations only.
    expect(await ids(world.a.inspector.token, `team=${team.code}`)).toEqual([submitted.body.id]);
    expect(await ids(world.a.inspector.token, `status=submitted&team=${team.code}`)).toEqual([submitted.body.id]);
    // Another inspector sees his own draft only; a supervisor, who may open any draft, still lists only his own (none).
    expect(await ids(other.token, 'status=draft')).toEqual([othersDraft.id]);
    expect(await ids(world.supervisor.token, `status=draft&team=${team.code}`)).toEqual([]);

    // Submitting a draft takes it off the list.
    const body = { revision: toSubmit.revision, items: await allItems(t) };
    expect((await mine.put(`/api/evaluations/${toSubmit.id}`).send(body)).status).toBe(200);
    const saved = (await mine.get(`/api/evaluations/${toSubmit.id}`)).body;
    expect((await mine.post(`/api/evaluations/${toSubmit.id}/submit`).send({ revision: saved.revision })).status).toBe(200);
    expect(await ids(world.a.inspector.token, `status=draft&team=${team.code}`)).toEqual([open.id]);
  });

  it('refuses an unknown status and never exports drafts', async () => {
    const bad = await t.as(world.a.inspector.token).get('/api/evaluations?status=deleted');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/status/);
    const supervisor = t.as(world.supervisor.token);
    expect((await supervisor.get('/api/evaluations?status=draft&format=csv')).status).toBe(400);
    expect((await supervisor.get('/api/evaluations?format=csv')).status).toBe(200);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoProjects } from '../support/builders.js';
import { recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 11 finding 4: masked numbers cannot be recovered by searching.
let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let inA: string;
let inB: string;

beforeAll(async () => {
  t = await startTestApp({ NUMBER_SEARCHES_PER_HOUR: '3' });
  world = await twoProjects(t);
  inA = await recordingFor(t, world.a.agent.employeeNo, { customerNumber: '13812345678' });
  inB = await recordingFor(t, world.b.agent.employeeNo, { customerNumber: '13812345678' });
});
afterAll(() => t?.close());

const search = (token: string, number: string) => t.as(token).get(`/api/recordings?customerNumber=${encodeURIComponent(number)}`);
const log = async (username: string) =>
  (await t.as(world.supervisor.token).get(`/api/recordings/number-searches?username=${username}&pageSize=100`)).body.items as { number: string; outcome: string }[];

describe('customer-number search', () => {
  it('answers an inspector by the whole number, within his projects only, and logs it', async () => {
    const res = await search(world.a.inspector.token, '138 1234 5678');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).toEqual([inA]);
    expect(res.body.items.map((r: { id: string }) => r.id)).not.toContain(inB);
    expect(await log(world.a.inspector.username)).toEqual([expect.objectContaining({ number: '13812345678', outcome: 'answered' })]);
  });

  it.each([
    ['the masked form', '138****5678'],
    ['the last 4 digits', '5678'],
    ['6 digits', '345678'],
  ])('refuses %s from a team lead with 400 NUMBER_SEARCH_PARTIAL naming the field, and logs it', async (_title, number) => {
    const res = await search(world.b.lead.token, number);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('NUMBER_SEARCH_PARTIAL');
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'customerNumber' })]);
    expect((await log(world.b.lead.username)).some((e) => e.number === number.replace(/ /g, '') && e.outcome === 'partial')).toBe(true);
  });

  it('limits an inspector to NUMBER_SEARCHES_PER_HOUR, then 429 NUMBER_SEARCH_THROTTLED with Retry-After, shared by concurrent requests', async () => {
    const token = world.b.inspector.token;
    const answers = await Promise.all(['13900000001', '13900000002', '13900000003', '13900000004', '13900000005'].map((n) => search(token, n)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    expect(refused.body.code).toBe('NUMBER_SEARCH_THROTTLED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body.params).toMatchObject({ limit: 3 });
    // Other searches still work, and other users are not affected.
    expect((await t.as(token).get('/api/recordings')).status).toBe(200);
    expect((await search(world.a.lead.token, '13812345678')).status).toBe(200);
    const entries = await log(world.b.inspector.username);
    expect(entries.filter((e) => e.outcome === 'answered')).toHaveLength(3);
    expect(entries.filter((e) => e.outcome === 'throttled')).toHaveLength(2);
  });

  it('lets a supervisor search as before, unlimited, and logs it', async () => {
    for (let i = 0; i < 5; i++) expect((await search(world.supervisor.token, '13812345678')).status).toBe(200);
    const res = await search(world.supervisor.token, '5678');
    expect(res.status).toBe(200);
    expect(await log(world.supervisor.username)).toHaveLength(6);
  });

  it('shows the search log to supervisors only', async () => {
    expect((await t.as(world.a.inspector.token).get('/api/recordings/number-searches')).status).toBe(403);
    expect((await t.as(world.a.lead.token).get('/api/recordings/number-searches')).status).toBe(403);
  });
});

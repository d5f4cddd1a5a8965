import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FORBIDDEN_PHRASES } from '#shared/rules/defaults.js';
import { politeTranscript, toneWav } from '../support/audio.js';
import { builders, twoProjects } from '../support/builders.js';
import { allItems } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

/** CONTRACT.md "Reports for other systems": GET /api/reports/summary. */

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
});
afterAll(() => t?.close());

let seq = 0;
const rude = () => {
  const transcript = politeTranscript();
  transcript.segments[2] = { ...transcript.segments[2], text: `${DEFAULT_FORBIDDEN_PHRASES[0]}，谢谢` };
  return transcript;
};

/** A call of the agent on `day` with a transcript, its automatic checks done. */
async function call(agent: string, day: string, transcript = politeTranscript()): Promise<string> {
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(1), 'call.wav')
    .field('metadata', JSON.stringify({ externalId: `summary-${Date.now()}-${++seq}`, agent, startedAt: `${day}T10:00:00+08:00`, direction: 'inbound' }))
    .field('transcript', JSON.stringify(transcript));
  expect(res.status).toBe(201);
  await waitFor(async () => (await t.as(t.adminToken).get(`/api/recordings/${res.body.id}/auto-checks`)).body.results?.length > 0, {
    timeoutMs: 30_000,
    what: 'the automatic checks',
  });
  return res.body.id;
}

async function evaluate(recordingId: string, verdicts: Record<string, 'pass' | 'fail' | 'na'>, source = 'daily') {
  const res = await t
    .as(world.a.inspector.token)
    .post('/api/evaluations')
    .send({ recordingId, source, items: await allItems(t, verdicts) });
  expect(res.status).toBe(201);
  return res.body as { score: number; fatal: boolean };
}

const summary = (query: string, token = world.a.inspector.token) => t.as(token).get(`/api/reports/summary?${query}`);

describe('GET /api/reports/summary', () => {
  it('counts the period’s submitted evaluations, their mean score with fatal ones as 0, the fatal share, item and machine failures', async () => {
    const b = builders(t);
    const team = await b.team(world.a.project.code);
    const [x, y] = [await b.agent(team.code), await b.agent(team.code)];
    const day = '2026-09-07';
    const first = await evaluate(await call(x.employeeNo, day), { GREETING: 'fail' });
    const fatal = await evaluate(await call(y.employeeNo, day, rude()), { FORBIDDEN: 'fail' });
    await evaluate(await call(x.employeeNo, day), {}, 'calibration'); // never counted
    await call(y.employeeNo, '2026-09-08'); // the next day: outside the period
    expect(fatal).toMatchObject({ fatal: true });

    const res = await summary(`project=${world.a.project.code}&from=${day}&to=${day}&team=${team.code}`);
    expect(res.status).toBe(200);
    expect(res.body.evaluations).toBe(2);
    expect(res.body.averageScore).toBeCloseTo(first.score / 2, 6);
    expect(res.body.fatalRate).toBeCloseTo(0.5, 6);
    const item = (code: string) => res.body.items.find((i: { code: string }) => i.code === code);
    expect(item('GREETING')).toEqual({ code: 'GREETING', evaluated: 2, failures: 1 });
    expect(item('FORBIDDEN')).toEqual({ code: 'FORBIDDEN', evaluated: 2, failures: 1 });
    const rule = (code: string) => res.body.machine.find((m: { code: string }) => m.code === code);
    // Three calls of the day have a transcript (the calibration one too: the machine checks every call).
    expect(rule('FORBIDDEN')).toEqual({ code: 'FORBIDDEN', calls: 3, failures: 1 });
    expect(rule('GREETING')).toMatchObject({ calls: 3, failures: 0 });

    // The whole project's figures include the team's.
    const whole = (await summary(`project=${world.a.project.code}&from=${day}&to=${day}`)).body;
    expect(whole.evaluations).toBeGreaterThanOrEqual(2);
  });

  it('says null for the mean and the fatal share of a period without evaluations', async () => {
    const res = await summary(`project=${world.a.project.code}&from=2020-01-01&to=2020-01-31`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ evaluations: 0, averageScore: null, fatalRate: null, items: [], machine: [] });
  });

  it('gives a team lead his teams only, and refuses another team or project', async () => {
    const day = '2026-09-14';
    await evaluate(await call(world.a.agent.employeeNo, day), {});
    const other = await builders(t).agent(world.a.otherTeam.code);
    await evaluate(await call(other.employeeNo, day), { GREETING: 'fail' });
    const lead = await summary(`project=${world.a.project.code}&from=${day}&to=${day}`, world.a.lead.token);
    expect(lead.status).toBe(200);
    expect(lead.body.evaluations).toBe(1);
    expect(lead.body.items.find((i: { code: string }) => i.code === 'GREETING')).toMatchObject({ failures: 0 });
    expect((await summary(`project=${world.a.project.code}&from=${day}&to=${day}&team=${world.a.otherTeam.code}`, world.a.lead.token)).status).toBe(403);
    expect((await summary(`project=${world.b.project.code}&from=${day}&to=${day}`, world.a.lead.token)).status).toBe(403);
    expect((await summary(`project=${world.b.project.code}&from=${day}&to=${day}`)).status).toBe(403);
  });

  it.each([
    ['no project', 'from=2026-09-01&to=2026-09-30', 'project'],
    ['an impossible date', 'project=P&from=2026-02-30&to=2026-03-01', 'from'],
    ['from after to', 'project=P&from=2026-09-30&to=2026-09-01', 'from'],
    ['no to', 'project=P&from=2026-09-01', 'to'],
  ])('answers 400 naming the field for %s', async (_title, query, field) => {
    const res = await summary(query.replace('project=P', `project=${world.a.project.code}`));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('answers 400 naming team for a team of another project', async () => {
    const res = await summary(`project=${world.a.project.code}&from=2026-09-01&to=2026-09-30&team=${world.b.team.code}`, world.supervisor.token);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('team');
  });
});

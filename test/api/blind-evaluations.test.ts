import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { politeTranscript, toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { allItems } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 15, honest machine agreement: a project's share of each day's daily picks is scored blind. The
 * inspector's draft starts without the machine's verdicts, the verdicts are refused to him until he
 * submits, and agreement, precision and recall per rule come from the blind evaluations only.
 */
let t: TestApp;
let seq = 0;
const DAY = '2026-11-18';
const call = toneWav(31); // the plan's default minimum is 30 s
const rude = () => ({ language: 'zh-CN', segments: [{ speaker: 'agent', start: 0.2, end: 2.4, text: '喂，什么事' }] });

type Verdict = 'pass' | 'fail' | 'na';
interface Assignment {
  recordingId: string;
  reason: string;
  blind: boolean;
  done: boolean;
}

async function ingest(agent: string, transcript: object) {
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', call, 'c.wav')
    .field(
      'metadata',
      JSON.stringify({ externalId: `blind-${++seq}`, agent, startedAt: `${DAY}T10:${String(seq % 60).padStart(2, '0')}:00+08:00`, direction: 'inbound' }),
    )
    .field('transcript', JSON.stringify(transcript));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}

/** A project of its own, sampled on DAY with the given blind share: 4 agents × 4 calls, half (or all) without a greeting. */
async function sampledProject(share: number, withoutGreeting: 'half' | 'all' = 'half') {
  const b = builders(t);
  const project = await b.project();
  const team = await b.team(project.code);
  const agents = await Promise.all([0, 1, 2, 3].map(() => b.agent(team.code, { hiredAt: '2020-01-01', grade: 'A' })));
  const [inspector, supervisor, lead] = await Promise.all([
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    b.user({ roles: ['team_lead'], teams: [team.code] }),
  ]);
  for (const agent of agents) for (let i = 0; i < 4; i++) await ingest(agent.employeeNo, withoutGreeting === 'all' || i % 2 ? rude() : politeTranscript());
  const set = await t.as(supervisor.token).put(`/api/projects/${project.id}/blind-share`).send({ share });
  expect(set.status).toBe(200);
  expect(set.body.blindShare).toBeCloseTo(share, 5);
  await t.as(t.adminToken).post('/api/sampling/runs').send({ project: project.code, date: DAY }).expect(201);
  const queue = (await t.as(inspector.token).get('/api/sampling/queue').query({ date: DAY })).body as { items: Assignment[] };
  return { project, team, inspector, supervisor, lead, queue: queue.items };
}

/** The machine's verdict of GREETING on a call, read as the supervisor (never blind). */
async function machineGreeting(token: string, recordingId: string): Promise<Verdict> {
  const res = await t.as(token).get(`/api/recordings/${recordingId}/auto-checks`).expect(200);
  return res.body.results.find((r: { code: string }) => r.code === 'GREETING').verdict;
}

async function scoreDraft(token: string, recordingId: string, verdicts: Record<string, Verdict>) {
  const draft = (await t.as(token).post('/api/evaluations/drafts').send({ recordingId, source: 'daily' }).expect(201)).body;
  const items = (await allItems(t)).map((i: { code: string; verdict: Verdict }) => ({
    ...i,
    verdict: verdicts[i.code] ?? draft.items.find((d: { code: string }) => d.code === i.code)?.verdict ?? 'pass',
  }));
  const saved = await t.as(token).put(`/api/evaluations/${draft.id}`).send({ revision: draft.revision, items }).expect(200);
  return (await t.as(token).post(`/api/evaluations/${draft.id}/submit`).send({ revision: saved.body.revision }).expect(200)).body;
}

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the blind share of a project', () => {
  it('is 10 % by default and is set by its supervisor, audited', async () => {
    const b = builders(t);
    const project = await b.project();
    const listed = (await t.as(t.adminToken).get('/api/projects')).body;
    const found = (Array.isArray(listed) ? listed : listed.items).find((p: { code: string }) => p.code === project.code);
    expect(found.blindShare).toBeCloseTo(0.1, 5);
    const supervisor = await b.user({ roles: ['supervisor'], projects: [project.code] });
    expect((await t.as(supervisor.token).put(`/api/projects/${project.id}/blind-share`).send({ share: 0.2 })).status).toBe(200);
    const audit = (await t.as(t.adminToken).get('/api/audit-log').query({ action: 'project.blindShare' })).body;
    expect(JSON.stringify(audit)).toContain(project.code);
  });

  it.each([
    ['below 0', { share: -0.1 }],
    ['above half', { share: 0.6 }],
    ['text', { share: 'ten' }],
    ['missing', {}],
  ])('answers 400 naming share when it is %s, and keeps the old share', async (_title, body) => {
    const b = builders(t);
    const project = await b.project();
    const res = await t.as(t.adminToken).put(`/api/projects/${project.id}/blind-share`).send(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).toContain('share');
    const listed = (await t.as(t.adminToken).get('/api/projects')).body;
    expect((Array.isArray(listed) ? listed : listed.items).find((p: { code: string }) => p.code === project.code).blindShare).toBeCloseTo(0.1, 5);
  });

  it('is refused to an inspector, a team lead and a supervisor of another project', async () => {
    const b = builders(t);
    const project = await b.project();
    const team = await b.team(project.code);
    const other = await b.project();
    const [inspector, lead, elsewhere] = await Promise.all([
      b.user({ roles: ['inspector'], projects: [project.code] }),
      b.user({ roles: ['team_lead'], teams: [team.code] }),
      b.user({ roles: ['supervisor'], projects: [other.code] }),
    ]);
    for (const user of [inspector, lead, elsewhere])
      expect((await t.as(user.token).put(`/api/projects/${project.id}/blind-share`).send({ share: 0.3 })).status).toBe(403);
  });
});

describe('a blind call', () => {
  it('blinds round(share × picks) of the picks of the day', async () => {
    const { queue } = await sampledProject(0.5);
    expect(queue.length).toBeGreaterThan(3);
    expect(queue.filter((a) => a.blind).length).toBe(Math.round(queue.length * 0.5));
  });

  it('hides the machine from its inspector until he submits, and from nobody else', async () => {
    const { inspector, supervisor, queue } = await sampledProject(0.5);
    const blind = queue.find((a) => a.blind)!;
    const seen = queue.find((a) => !a.blind)!;
    // The queue does not say "failed:GREETING" for a blind call: that would be the machine's verdict.
    expect(blind.reason).toBe('blind');

    const refused = await t.as(inspector.token).get(`/api/recordings/${blind.recordingId}/auto-checks`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTO_CHECK_BLIND');
    const machine = await machineGreeting(supervisor.token, blind.recordingId);

    const draft = (await t.as(inspector.token).post('/api/evaluations/drafts').send({ recordingId: blind.recordingId, source: 'daily' }).expect(201)).body;
    expect(draft.blind).toBe(true);
    for (const item of draft.items) {
      expect(item.verdict).toBeNull();
      expect(item.autoVerdict).toBeNull();
    }
    const other = (await t.as(inspector.token).post('/api/evaluations/drafts').send({ recordingId: seen.recordingId, source: 'daily' }).expect(201)).body;
    expect(other.blind).toBe(false);
    expect(other.items.find((i: { code: string }) => i.code === 'GREETING').verdict).toBe(await machineGreeting(supervisor.token, seen.recordingId));

    const submitted = await scoreDraft(inspector.token, blind.recordingId, { GREETING: 'pass' });
    expect(submitted.blind).toBe(true);
    expect(submitted.items.find((i: { code: string }) => i.code === 'GREETING').autoVerdict).toBe(machine);
    expect((await t.as(inspector.token).get(`/api/recordings/${blind.recordingId}/auto-checks`)).status).toBe(200);
    const after = (await t.as(inspector.token).get('/api/sampling/queue').query({ date: DAY })).body.items.find((a: Assignment) => a.recordingId === blind.recordingId);
    expect(after.done).toBe(true);
    expect(after.reason).not.toBe('blind');
  });

  it('stays out of his search by failed rule until he submits, and in the supervisor’s', async () => {
    // Every call fails the greeting, so whichever calls the draw blinds, one of them is such a call (with half, the draw could blind only greeted ones).
    const { project, inspector, supervisor, queue } = await sampledProject(0.5, 'all');
    let blindFailed: Assignment | undefined;
    for (const a of queue.filter((q) => q.blind)) if ((await machineGreeting(supervisor.token, a.recordingId)) === 'fail') blindFailed = a;
    expect(blindFailed).toBeDefined();
    const search = async (token: string) =>
      ((await t.as(token).get('/api/recordings').query({ project: project.code, failed: 'GREETING', pageSize: 100 }).expect(200)).body.items as { id: string }[]).map(
        (r) => r.id,
      );
    expect(await search(supervisor.token)).toContain(blindFailed!.recordingId);
    expect(await search(inspector.token)).not.toContain(blindFailed!.recordingId);
    await scoreDraft(inspector.token, blindFailed!.recordingId, {});
    expect(await search(inspector.token)).toContain(blindFailed!.recordingId);
  });

  it('is never drawn with a share of 0', async () => {
    const { queue } = await sampledProject(0);
    expect(queue.some((a) => a.blind)).toBe(false);
  });
});

describe('agreement per rule', () => {
  it('counts agreement, precision and recall on blind evaluations only, and overturns on the others', async () => {
    const { project, inspector, supervisor, queue } = await sampledProject(0.5);
    const expected = { blind: 0, agreed: 0, machineFailed: 0, peopleFailed: 0, bothFailed: 0, suggested: 0, overturned: 0 };
    let n = 0;
    for (const a of queue) {
      const machine = await machineGreeting(supervisor.token, a.recordingId);
      if (machine === 'na') continue;
      // Every third call the inspector disagrees with the machine; otherwise he agrees.
      const disagree = n++ % 3 === 0;
      const verdict: Verdict = disagree ? (machine === 'pass' ? 'fail' : 'pass') : machine;
      await scoreDraft(inspector.token, a.recordingId, { GREETING: verdict });
      if (a.blind) {
        expected.blind++;
        if (!disagree) expected.agreed++;
        if (machine === 'fail') expected.machineFailed++;
        if (verdict === 'fail') expected.peopleFailed++;
        if (machine === 'fail' && verdict === 'fail') expected.bothFailed++;
      } else {
        expected.suggested++;
        if (disagree) expected.overturned++;
      }
    }
    expect(expected.blind).toBeGreaterThan(0);
    expect(expected.suggested).toBeGreaterThan(0);

    const res = await t.as(supervisor.token).get('/api/autocheck/agreement').query({ project: project.code, from: DAY, to: DAY });
    expect(res.status).toBe(200);
    const greeting = res.body.items.find((r: { code: string }) => r.code === 'GREETING');
    expect(greeting.evaluated).toBe(expected.blind + expected.suggested);
    expect(greeting.blind.agreement).toMatchObject({ count: expected.agreed, of: expected.blind });
    expect(greeting.blind.precision).toMatchObject({ count: expected.bothFailed, of: expected.machineFailed });
    expect(greeting.blind.recall).toMatchObject({ count: expected.bothFailed, of: expected.peopleFailed });
    expect(greeting.overturned).toMatchObject({ count: expected.overturned, of: expected.suggested });
    const { rate, low, high } = greeting.blind.agreement;
    expect(rate).toBeCloseTo(expected.agreed / expected.blind, 4);
    expect(low).toBeLessThanOrEqual(rate);
    expect(high).toBeGreaterThanOrEqual(rate);
    expect(high - low).toBeGreaterThan(0);
  });

  it.each([
    ['an unknown project', { project: 'NOPE' }, 400],
    ['an empty project', { project: '' }, 400],
    ['from after to', { from: '2026-11-20', to: '2026-11-19' }, 400],
  ])('answers %s with a 4xx naming it', async (_title, query, status) => {
    const res = await t.as(t.adminToken).get('/api/autocheck/agreement').query(query);
    expect(res.status).toBe(status);
    expect(res.body.code).toMatch(/VALIDATION_FAILED|NOT_FOUND/);
  });

  it('is refused to inspectors and team leads', async () => {
    const { inspector, lead } = await sampledProject(0.1);
    for (const user of [inspector, lead]) expect((await t.as(user.token).get('/api/autocheck/agreement')).status).toBe(403);
  });
});

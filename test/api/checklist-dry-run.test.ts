import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChecklistDryRun, DryRunRule } from '#shared/api/checklists.js';
import { toneWav } from '../support/audio.js';
import { builders, twoProjects } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 17: before a draft is published, how many verdicts it would flip, per rule, over the last
// 7 days of a project's calls. This file's database is its own, so its one draft is too.

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let boundSupervisorA: { token: string };
let boundSupervisorB: { token: string };
let draftId: string;
let activeId: string;
let activeSections: Section[];
const calls: Record<string, string> = {};
let seq = 0;

type Item = { code: string; rule?: { phrases: string[] } };
type Section = { items: Item[] };

const HOUR = 3_600_000;
const seg = (speaker: 'agent' | 'customer', start: number, end: number, text: string) => ({ speaker, start, end, text });
/** A polite call (every default rule passes) with one more agent sentence in the middle. */
const callSaying = (sentence: string, speaker: 'agent' | 'customer' = 'agent') => ({
  segments: [
    seg('agent', 0.3, 2.5, '您好，很高兴为您服务'),
    seg('customer', 2.7, 5, '我想查话费'),
    seg(speaker, 5.2, 9, sentence),
    seg('agent', 9.2, 12, '好的请稍等，谢谢您的耐心'),
    seg('agent', 12.2, 15, '女士，不知道我刚才是否将您的问题解释清楚了'),
    seg('agent', 15.2, 17, '感谢来电，再见'),
  ],
});

async function ingest(name: string, transcript: object, over: { agent?: string; hoursAgo?: number } = {}) {
  const startedAt = new Date(Date.now() - (over.hoursAgo ?? 2) * HOUR).toISOString();
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(18), 'call.wav')
    .field(
      'metadata',
      JSON.stringify({ externalId: `dry-${name}-${Date.now()}-${++seq}`, agent: over.agent ?? world.a.agent.employeeNo, startedAt, direction: 'inbound' }),
    )
    .field('transcript', JSON.stringify(transcript));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  calls[name] = res.body.id;
}

/** The active version's sections with FORBIDDEN's phrases changed by `edit`. */
function withForbidden(edit: (phrases: string[]) => string[]): Section[] {
  const sections: Section[] = structuredClone(activeSections);
  const rule = sections.flatMap((s) => s.items).find((i) => i.code === 'FORBIDDEN')!.rule!;
  rule.phrases = edit(rule.phrases);
  return sections;
}

async function saveDraft(sections: Section[]) {
  await t.as(world.supervisor.token).put(`/api/checklists/${draftId}`).send({ sections }).expect(200);
}

const dryRun = (token: string, query: string, id = draftId) => t.as(token).get(`/api/checklists/${id}/dry-run?${query}`);
const ruleOf = (body: ChecklistDryRun, code: string): DryRunRule => {
  const rule = body.rules.find((r) => r.code === code);
  if (!rule) throw new Error(`no rule ${code} in the dry run`);
  return rule;
};
const ids = (examples: { recordingId: string }[]) => examples.map((e) => e.recordingId).sort();

beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
  const b = builders(t);
  boundSupervisorA = await b.user({ roles: ['supervisor'], projects: [world.a.project.code] });
  boundSupervisorB = await b.user({ roles: ['supervisor'], projects: [world.b.project.code] });
  const active = (await t.as(world.supervisor.token).get('/api/checklists/active')).body;
  activeId = active.id;
  activeSections = active.sections;
  draftId = (await t.as(world.supervisor.token).post('/api/checklists').send({})).body.id;

  // Project A, within the last 7 days.
  await ingest('says-new-phrase', callSaying('这个你自己看着办吧'));
  await ingest('says-new-phrase-with-filler', callSaying('这个你自己，呃，看着办吧'));
  await ingest('says-old-phrase', callSaying('这个我不清楚，您去营业厅问问'));
  await ingest('near-miss', callSaying('您自己看看，看着合适就办吧'));
  await ingest('customer-says-it', callSaying('那你自己看着办吧', 'customer'));
  await ingest('clean', callSaying('您的话费余额是五十元'));
  // Outside the period or the project: never counted.
  await ingest('eight-days-ago', callSaying('这个你自己看着办吧'), { hoursAgo: 8 * 24 });
  await ingest('other-project', callSaying('这个你自己看着办吧'), { agent: world.b.agent.employeeNo });
  // A call without a transcript is not a call to check.
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(10), 'call.wav')
    .field(
      'metadata',
      JSON.stringify({
        externalId: `dry-none-${Date.now()}`,
        agent: world.a.agent.employeeNo,
        startedAt: new Date(Date.now() - HOUR).toISOString(),
        direction: 'inbound',
      }),
    );
  expect(res.status).toBe(201);
});
afterAll(() => t?.close());

describe('GET /api/checklists/:id/dry-run', () => {
  it('flips none with a draft unchanged from the active version', async () => {
    await saveDraft(activeSections);
    const res = await dryRun(world.supervisor.token, `project=${world.a.project.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      checklistVersion: 2,
      activeVersion: 1,
      project: world.a.project.code,
      days: 7,
      eligible: 6,
      checked: 6,
      sample: false,
      callsFlipped: 0,
    });
    expect(res.body.rules.map((r: { code: string }) => r.code).sort()).toEqual(['CLOSING', 'CONFIRM', 'COURTESY', 'FORBIDDEN', 'GREETING', 'INTERRUPT', 'SILENCE']);
    for (const rule of res.body.rules)
      expect(rule, rule.code).toMatchObject({ change: 'same', passToFail: 0, failToPass: 0, passToFailExamples: [], failToPassExamples: [] });
    expect(ruleOf(res.body, 'FORBIDDEN')).toMatchObject({ failBefore: 1, failAfter: 1 });
    expect(Date.parse(res.body.to) - Date.parse(res.body.from)).toBe(7 * 24 * HOUR);
  });

  it('flips exactly the calls a changed forbidden phrase concerns, both ways', async () => {
    await saveDraft(withForbidden((phrases) => phrases.map((p) => (p === '我不清楚' ? '你自己看着办' : p))));
    const res = await dryRun(world.supervisor.token, `project=${world.a.project.code}`);
    expect(res.status).toBe(200);
    const forbidden = ruleOf(res.body, 'FORBIDDEN');
    expect(forbidden).toMatchObject({ change: 'changed', failBefore: 1, failAfter: 2, passToFail: 2, failToPass: 1 });
    expect(ids(forbidden.passToFailExamples)).toEqual(ids([{ recordingId: calls['says-new-phrase'] }, { recordingId: calls['says-new-phrase-with-filler'] }]));
    expect(ids(forbidden.failToPassExamples)).toEqual([calls['says-old-phrase']]);
    expect(forbidden.passToFailExamples[0]).toEqual({
      recordingId: expect.any(String),
      externalId: expect.stringMatching(/^dry-says-new-phrase/),
      startedAt: expect.any(String),
      agent: world.a.agent.employeeNo,
    });
    expect(res.body.callsFlipped).toBe(3);
    for (const rule of res.body.rules.filter((r: { code: string }) => r.code !== 'FORBIDDEN'))
      expect(rule, rule.code).toMatchObject({ change: 'same', passToFail: 0, failToPass: 0 });
  });

  it('says when it is a sample: only the newest maxCalls calls are checked', async () => {
    await saveDraft(withForbidden((phrases) => [...phrases, '你自己看着办']));
    const res = await dryRun(world.supervisor.token, `project=${world.a.project.code}&maxCalls=2`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eligible: 6, checked: 2, maxCalls: 2, sample: true });
    const all = await dryRun(world.supervisor.token, `project=${world.a.project.code}`);
    expect(ruleOf(all.body, 'FORBIDDEN')).toMatchObject({ passToFail: 2, failToPass: 0 });
    // The newest two with a transcript, 'customer-says-it' and 'clean', flip nothing.
    expect(ruleOf(res.body, 'FORBIDDEN')).toMatchObject({ passToFail: 0, failToPass: 0 });
  });

  it('names a rule the draft adds or drops', async () => {
    const sections = withForbidden((phrases) => phrases);
    const items = sections.flatMap((s) => s.items);
    const greeting = items.find((i) => i.code === 'GREETING')!;
    delete greeting.rule;
    await saveDraft(sections);
    const res = await dryRun(world.supervisor.token, `project=${world.a.project.code}`);
    expect(res.status).toBe(200);
    // Without a rule the item is scored by people only: its verdicts are gone, none flipped.
    expect(ruleOf(res.body, 'GREETING')).toMatchObject({ change: 'removed', failBefore: 0, failAfter: 0, passToFail: 0, failToPass: 0 });
  });
});

describe('who may run it', () => {
  const cases: [title: string, who: () => { token: string } | null, project: () => string, status: number, code?: string][] = [
    ['a supervisor of all projects', () => world.supervisor, () => world.a.project.code, 200],
    ['a supervisor bound to the project', () => boundSupervisorA, () => world.a.project.code, 200],
    ['a supervisor bound to another project', () => boundSupervisorB, () => world.a.project.code, 403, 'SCOPE_DENIED'],
    ['an inspector of the project', () => world.a.inspector, () => world.a.project.code, 403, 'PERMISSION_DENIED'],
    ['a team lead of the project', () => world.a.lead, () => world.a.project.code, 403, 'PERMISSION_DENIED'],
    ['nobody signed in', () => null, () => world.a.project.code, 401],
  ];

  it.each(cases)('%s answers %i', async (_title, who, project, status, code) => {
    const user = who();
    const res = user ? await dryRun(user.token, `project=${project()}`) : await t.anonymous.get(`/api/checklists/${draftId}/dry-run?project=${project()}`);
    expect(res.status).toBe(status);
    if (code) expect(res.body.code).toBe(code);
    if (status === 200) expect(res.body.project).toBe(project());
  });

  it('counts a bound supervisor only his project calls: the other project stays out', async () => {
    await saveDraft(withForbidden((phrases) => [...phrases, '你自己看着办']));
    const res = await dryRun(boundSupervisorB.token, `project=${world.b.project.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eligible: 1, checked: 1 });
    expect(ids(ruleOf(res.body, 'FORBIDDEN').passToFailExamples)).toEqual([calls['other-project']]);
  });
});

describe('bad input', () => {
  const unknownId = '00000000-0000-4000-8000-000000000000';
  const cases: [title: string, id: () => string, query: () => string, status: number, code: string, field?: string][] = [
    ['no project', () => draftId, () => '', 400, 'VALIDATION_FAILED', 'project'],
    ['an unknown project', () => draftId, () => 'project=NOPE', 400, 'VALIDATION_FAILED', 'project'],
    ['maxCalls of 0', () => draftId, () => `project=${world.a.project.code}&maxCalls=0`, 400, 'VALIDATION_FAILED', 'maxCalls'],
    ['maxCalls above the limit', () => draftId, () => `project=${world.a.project.code}&maxCalls=10001`, 400, 'VALIDATION_FAILED', 'maxCalls'],
    ['maxCalls not a number', () => draftId, () => `project=${world.a.project.code}&maxCalls=many`, 400, 'VALIDATION_FAILED', 'maxCalls'],
    ['an id that is not a UUID', () => 'abc', () => `project=${world.a.project.code}`, 400, 'VALIDATION_FAILED', 'id'],
    ['an unknown version', () => unknownId, () => `project=${world.a.project.code}`, 404, 'NOT_FOUND'],
    ['a published version', () => activeId, () => `project=${world.a.project.code}`, 409, 'VERSION_PUBLISHED'],
  ];

  it.each(cases)('%s answers %i %s', async (_title, id, query, status, code, field) => {
    const res = await dryRun(world.supervisor.token, query(), id());
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

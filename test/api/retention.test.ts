import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '#shared/dates.js';
import { addDays } from '#shared/reports/periods.js';
import { builders } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 16, retention: a policy per project (audio N days, evaluated calls' audio M days, null for
 * ever), set by an admin or the project's supervisor; a run (the daily job's work) deletes the audio
 * through the AudioStorage, marks the call, keeps what someone still needs, audits every run, and
 * does nothing the second time. A removed call's audio answers 410 AUDIO_REMOVED with its date.
 */

const AUDIO_ROOT = '/tmp/qa-test-data/audio'; // test-app.ts's DATA_DIR, the local storage's root

let t: TestApp;
type User = { id: string; username: string; token: string };
let w: {
  project: { id: string; code: string };
  other: { id: string; code: string };
  team: { code: string };
  agent: { employeeNo: string };
  otherAgent: { employeeNo: string };
  inspector: User;
  supervisor: User;
  elsewhere: User;
  lead: User;
  faq: User;
};
const today = () => localDateOf(new Date(), process.env.TZ);
const daysAgo = (n: number) => addDays(today(), -n);

async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  t = await startTestApp();
  const b = builders(t);
  const project = await b.project();
  const other = await b.project();
  const team = await b.team(project.code);
  const otherTeam = await b.team(other.code);
  const agent = await b.agent(team.code);
  const otherAgent = await b.agent(otherTeam.code);
  const [inspector, supervisor, elsewhere, lead, faq] = await Promise.all([
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    b.user({ roles: ['supervisor'], projects: [other.code] }),
    b.user({ roles: ['team_lead'], teams: [team.code] }),
    b.user({ roles: ['faq_maintainer'] }),
  ]);
  const ids = Object.fromEntries((await t.as(t.adminToken).get('/api/projects')).body.items.map((p: { code: string; id: string }) => [p.code, p.id])) as Record<
    string,
    string
  >;
  w = {
    project: { id: ids[project.code], code: project.code },
    other: { id: ids[other.code], code: other.code },
    team,
    agent,
    otherAgent,
    inspector,
    supervisor,
    elsewhere,
    lead,
    faq,
  };
});
afterAll(() => t?.close());

const put = (token: string, projectId: string, body: unknown) =>
  t
    .as(token)
    .put(`/api/retention-policies/${projectId}`)
    .send(body as object);
const policyOf = async (token: string, code: string) =>
  (await t.as(token).get('/api/retention-policies')).body.items.find((p: { project: string }) => p.project === code);

describe('retention policies', () => {
  it('keeps everything by default: every project is listed with null days (for ever)', async () => {
    const res = await t.as(t.adminToken).get('/api/retention-policies');
    expect(res.status).toBe(200);
    expect(res.body.items.find((p: { project: string }) => p.project === w.other.code)).toMatchObject({
      projectId: w.other.id,
      audioDays: null,
      evaluatedAudioDays: null,
      updatedAt: null,
      updatedBy: null,
    });
  });

  it('is set by the project’s supervisor, seen by him alone of the supervisors, and audited with what it was', async () => {
    const b = builders(t);
    const project = await b.project();
    const id = (await t.as(t.adminToken).get('/api/projects')).body.items.find((p: { code: string }) => p.code === project.code).id;
    const own = await b.user({ roles: ['supervisor'], projects: [project.code] });
    const res = await put(own.token, id, { audioDays: 180, evaluatedAudioDays: 365 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ project: project.code, audioDays: 180, evaluatedAudioDays: 365, updatedBy: own.username, updatedAt: expect.any(String) });
    expect(await policyOf(own.token, project.code)).toMatchObject({ audioDays: 180, evaluatedAudioDays: 365 });
    expect(await policyOf(w.elsewhere.token, project.code)).toBeUndefined();

    expect((await put(t.adminToken, id, { audioDays: 90, evaluatedAudioDays: null })).body).toMatchObject({
      audioDays: 90,
      evaluatedAudioDays: null,
      updatedBy: 'admin',
    });
    const audit = (await t.as(t.adminToken).get('/api/audit-log?action=retention.policy&pageSize=100')).body.items.filter(
      (e: { detail: { code: string } }) => e.detail.code === project.code,
    );
    expect(audit.map((e: { username: string; detail: unknown }) => [e.username, e.detail])).toEqual([
      ['admin', { code: project.code, audioDays: 90, evaluatedAudioDays: null, before: { audioDays: 180, evaluatedAudioDays: 365 } }],
      [own.username, { code: project.code, audioDays: 180, evaluatedAudioDays: 365, before: { audioDays: null, evaluatedAudioDays: null } }],
    ]);
  });

  it.each([
    ['an inspector', () => w.inspector.token, 403, 'PERMISSION_DENIED'],
    ['a team lead', () => w.lead.token, 403, 'PERMISSION_DENIED'],
    ['an FAQ maintainer', () => w.faq.token, 403, 'PERMISSION_DENIED'],
    ['the supervisor of another project', () => w.elsewhere.token, 403, 'SCOPE_DENIED'],
  ])('is refused to %s (%i %s), and nothing changes', async (_, token, status, code) => {
    const res = await put(token(), w.project.id, { audioDays: 1, evaluatedAudioDays: 1 });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect((await policyOf(t.adminToken, w.project.code)).audioDays).not.toBe(1);
  });

  it.each([
    ['no body at all', {}, 'audioDays'],
    ['audioDays of 0', { audioDays: 0, evaluatedAudioDays: null }, 'audioDays'],
    ['negative audioDays', { audioDays: -5, evaluatedAudioDays: null }, 'audioDays'],
    ['fractional audioDays', { audioDays: 1.5, evaluatedAudioDays: null }, 'audioDays'],
    ['audioDays as text', { audioDays: '30', evaluatedAudioDays: null }, 'audioDays'],
    ['audioDays over 100 years', { audioDays: 36_501, evaluatedAudioDays: null }, 'audioDays'],
    ['evaluatedAudioDays left out', { audioDays: 30 }, 'evaluatedAudioDays'],
    ['evaluatedAudioDays of 0', { audioDays: 30, evaluatedAudioDays: 0 }, 'evaluatedAudioDays'],
    ['evaluated calls kept shorter than the rest', { audioDays: 30, evaluatedAudioDays: 29 }, 'evaluatedAudioDays'],
    ['evaluated calls kept a while, the rest for ever', { audioDays: null, evaluatedAudioDays: 30 }, 'evaluatedAudioDays'],
  ])('answers 400 naming the field for %s, and stores nothing', async (_, body, field) => {
    const other = await builders(t).project();
    const id = (await t.as(t.adminToken).get('/api/projects')).body.items.find((p: { code: string }) => p.code === other.code).id;
    const res = await put(t.adminToken, id, body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await policyOf(t.adminToken, other.code)).toMatchObject({ audioDays: null, evaluatedAudioDays: null, updatedAt: null });
  });

  it.each([
    ['a project id that is not a UUID', 'nope', 400, 'VALIDATION_FAILED'],
    ['an unknown project', '00000000-0000-4000-8000-000000000000', 404, 'NOT_FOUND'],
  ])('answers %s with %i %s', async (_, id, status, code) => {
    const res = await put(t.adminToken, id, { audioDays: 30, evaluatedAudioDays: 60 });
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it.each([
    ['an inspector', () => w.inspector.token],
    ['a team lead', () => w.lead.token],
  ])('is not listed to %s (403)', async (_, token) => {
    expect((await t.as(token()).get('/api/retention-policies')).status).toBe(403);
  });
});

/** A call of the agent on that local day, its id and audio file. */
async function call(day: string, employeeNo = w.agent.employeeNo) {
  const id = await recordingFor(t, employeeNo, { startedAt: `${day}T10:00:00+08:00` });
  const [{ audioKey }] = await sql<{ audioKey: string }>(`SELECT "audioKey" FROM recordings WHERE id = $1`, [id]);
  return { id, file: path.join(AUDIO_ROOT, audioKey) };
}

/** A submitted evaluation of the call (failing GREETING when asked), its dispute window closed unless `windowOpen`. */
async function evaluate(recordingId: string, o: { failGreeting?: boolean; windowOpen?: boolean } = {}) {
  const res = await t
    .as(w.inspector.token)
    .post('/api/evaluations')
    .send({ recordingId, source: 'daily', items: await allItems(t, o.failGreeting ? { GREETING: 'fail' } : {}) });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  if (!o.windowOpen) await closeWindow(res.body.id);
  return res.body.id as string;
}
const closeWindow = (evaluationId: string) => sql(`UPDATE evaluations SET "submittedAt" = now() - interval '200 days' WHERE id = $1`, [evaluationId]);

const audio = (id: string) => t.as(w.inspector.token).get(`/api/recordings/${id}/audio`);

describe('the retention run', () => {
  let calls: Record<string, { id: string; file: string }>;
  let first: { status: number; body: { projects: { project: string }[]; today: string; trigger: string; by: string } };

  beforeAll(async () => {
    expect((await put(w.supervisor.token, w.project.id, { audioDays: 30, evaluatedAudioDays: 90 })).status).toBe(200);
    calls = {
      old: await call(daysAgo(31)),
      lastKeptDay: await call(daysAgo(30)),
      recent: await call(daysAgo(5)),
      evaluatedWithinM: await call(daysAgo(60)),
      evaluatedOld: await call(daysAgo(91)),
      disputed: await call(daysAgo(120)),
      windowOpen: await call(daysAgo(120)),
      example: await call(daysAgo(120)),
      rectification: await call(daysAgo(120)),
      noPolicy: await call(daysAgo(400), w.otherAgent.employeeNo),
    };
    await evaluate(calls.evaluatedWithinM.id);
    await evaluate(calls.evaluatedOld.id);
    await evaluate(calls.windowOpen.id, { windowOpen: true });

    const disputed = await evaluate(calls.disputed.id, { failGreeting: true, windowOpen: true });
    const raised = await t
      .as(w.lead.token)
      .post(`/api/evaluations/${disputed}/disputes`)
      .send({ items: [{ code: 'GREETING', reason: '录音里说了您好' }] });
    expect(raised.status).toBe(201);
    await closeWindow(disputed);

    const example = await evaluate(calls.example.id);
    const marked = await t
      .as(w.inspector.token)
      .post('/api/examples')
      .send({ evaluationId: example, kind: 'good', items: ['B1'], note: '开头问候到位', tags: [], regions: [{ start: 0.1, end: 0.5 }] });
    expect(marked.status).toBe(201);

    const evidence = await evaluate(calls.rectification.id, { failGreeting: true });
    const notice = await t
      .as(w.inspector.token)
      .post('/api/rectification-notices')
      .send({ team: w.team.code, codes: ['GREETING'], actions: '全组复训开头问候语', deadline: '2099-12-31', evaluations: [evidence] });
    expect(notice.status).toBe(201);

    first = await t.as(t.adminToken).post('/api/retention-runs');
  });

  const mine = (run: { projects: { project: string }[] }) => run.projects.find((p) => p.project === w.project.code);

  it('answers what it did in each project with a policy, counted back from the centre’s day', () => {
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ trigger: 'manual', by: 'admin', today: today() });
    expect(mine(first.body)).toMatchObject({ audioDays: 30, evaluatedAudioDays: 90, removed: 2, protected: 4, failed: 0, removedBytes: expect.any(Number) });
    expect(first.body.projects.map((p) => p.project)).not.toContain(w.other.code);
  });

  it.each([
    ['a call older than N days', 'old'],
    ['an evaluated call older than M days, its dispute window closed', 'evaluatedOld'],
  ])('deletes the audio of %s through the storage and answers 410 AUDIO_REMOVED with the date', async (_, name) => {
    const { id, file } = calls[name];
    expect(existsSync(file)).toBe(false);
    const res = await audio(id);
    expect(res.status).toBe(410);
    expect(res.body.code).toBe('AUDIO_REMOVED');
    const detail = (await t.as(w.inspector.token).get(`/api/recordings/${id}`)).body;
    expect(detail.audioRemovedAt).toEqual(expect.any(String));
    expect(res.body.params.removedAt).toBe(detail.audioRemovedAt);
    // The row, transcript and waveform stay.
    expect(detail.transcript.segments.length).toBeGreaterThan(0);
    expect((await t.as(w.inspector.token).get(`/api/recordings/${id}/peaks`)).status).toBe(200);
  });

  it.each([
    ['a call of the N-th day back', 'lastKeptDay'],
    ['a recent call', 'recent'],
    ['an evaluated call younger than M days', 'evaluatedWithinM'],
    ['a call under an open dispute', 'disputed'],
    ['an evaluated call whose dispute window is still open', 'windowOpen'],
    ['a call marked as an example', 'example'],
    ['a call cited by an open rectification notice', 'rectification'],
    ['a call of a project without a policy', 'noPolicy'],
  ])('keeps %s', async (_, name) => {
    const { id, file } = calls[name];
    expect(existsSync(file)).toBe(true);
    expect((await audio(id)).status).toBe(name === 'noPolicy' ? 403 : 200);
    expect((await t.as(t.adminToken).get(`/api/recordings/${id}`)).body.audioRemovedAt).toBeNull();
    expect((await t.as(t.adminToken).get(`/api/recordings/${id}/audio`)).status).toBe(200);
  });

  it('does nothing when run again, and audits every run with who ran it and each project’s counts', async () => {
    const again = await t.as(t.adminToken).post('/api/retention-runs');
    expect(again.status).toBe(201);
    expect(mine(again.body)).toMatchObject({ removed: 0, removedBytes: 0, protected: 4, failed: 0 });
    expect(existsSync(calls.recent.file)).toBe(true);
    const audit = (await t.as(t.adminToken).get('/api/audit-log?action=retention.run&pageSize=100')).body.items;
    expect(audit).toHaveLength(2);
    expect(audit.map((e: { username: string; detail: { trigger: string; projects: unknown[] } }) => [e.username, e.detail.trigger, mine(e.detail as never)])).toEqual([
      ['admin', 'manual', expect.objectContaining({ removed: 0 })],
      ['admin', 'manual', expect.objectContaining({ removed: 2, protected: 4, audioDays: 30, evaluatedAudioDays: 90 })],
    ]);
  });

  it.each([
    ['a supervisor', () => w.supervisor.token],
    ['an inspector', () => w.inspector.token],
  ])('is not started by %s (403)', async (_, token) => {
    expect((await t.as(token()).post('/api/retention-runs')).status).toBe(403);
  });

  it('is scheduled daily in the centre’s time zone as a pg-boss job', async () => {
    const rows = await sql<{ cron: string; options: { tz: string } }>(`SELECT cron, options FROM pgboss.schedule WHERE name = 'retention-daily'`);
    expect(rows).toEqual([{ cron: '30 2 * * *', options: expect.objectContaining({ tz: process.env.TZ || 'Asia/Shanghai' }) }]);
  });
});

import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { builders, twoProjects } from '../support/builders.js';
import { createTestDatabase } from '../support/database.js';
import { startTestApp, type TestApp, withOwnApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let seq = 0;
beforeAll(async () => {
  t = await startTestApp({ JOB_POLL_SECONDS: '0.5' });
  world = await twoProjects(t);
});
afterAll(() => t?.close());

const seg = (speaker: 'agent' | 'customer', start: number, end: number, text: string) => ({ speaker, start, end, text });
const rude = { segments: [seg('agent', 0.5, 3, '喂，什么事'), seg('customer', 3.2, 6, '我的宽带坏了'), seg('agent', 6.2, 9, '这个我不清楚，你自己去营业厅问吧')] };
const polite = {
  segments: [
    seg('agent', 0.3, 2.5, '您好，很高兴为您服务'),
    seg('customer', 2.7, 5, '我想查话费'),
    seg('agent', 5.2, 9, '好的请稍等，谢谢您的耐心'),
    seg('agent', 9.2, 12, '女士，不知道我刚才是否将您的问题解释清楚了'),
    seg('agent', 12.2, 14, '感谢来电，再见'),
  ],
};

async function ingest(app: TestApp, transcript?: object, agent = world.a.agent.employeeNo) {
  const req = app
    .as(app.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(15), 'call.wav')
    .field('metadata', JSON.stringify({ externalId: `ac-${Date.now()}-${++seq}`, agent, startedAt: '2026-11-26T10:00:00+08:00', direction: 'inbound' }));
  if (transcript) req.field('transcript', JSON.stringify(transcript));
  const res = await req;
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const byCode = (body: { results: { code: string; verdict: string }[] }) => Object.fromEntries(body.results.map((r) => [r.code, r.verdict]));

/** The background jobs poll every 0.5 s here (JOB_POLL_SECONDS). */
const JOB = { timeoutMs: 20_000, intervalMs: 200 };

describe('GET /api/recordings/:id/auto-checks', () => {
  it('answers every default code na for a call without a transcript', async () => {
    const id = await ingest(t);
    const res = await t.as(world.a.inspector.token).get(`/api/recordings/${id}/auto-checks`);
    expect(res.status).toBe(200);
    expect(res.body.checklistVersion).toBe(1);
    expect(byCode(res.body)).toEqual({ GREETING: 'na', CLOSING: 'na', COURTESY: 'na', CONFIRM: 'na', FORBIDDEN: 'na', INTERRUPT: 'na', SILENCE: 'na' });
  });

  it('gives verdicts with evidence pointing at what was said', async () => {
    const id = await ingest(t, rude);
    const res = await t.as(world.a.inspector.token).get(`/api/recordings/${id}/auto-checks`);
    expect(byCode(res.body)).toMatchObject({ GREETING: 'fail', FORBIDDEN: 'fail', CLOSING: 'fail', SILENCE: 'pass', INTERRUPT: 'pass' });
    const forbidden = res.body.results.find((r: { code: string }) => r.code === 'FORBIDDEN');
    expect(forbidden.evidence[0]).toMatchObject({ segment: 2, text: '我不清楚', matched: '我不清楚' });
    expect(forbidden.evidence[0].start).toBeGreaterThanOrEqual(6.2);
    expect(forbidden.evidence[0].end).toBeLessThanOrEqual(9);
  });

  it('checks every call in the background on ingest', async () => {
    const id = await ingest(t, polite);
    const ds = t.app.get(DataSource);
    const row = await waitFor(async () => (await ds.query(`SELECT "failedCodes" FROM recording_auto_checks WHERE "recordingId" = $1`, [id]))[0], {
      ...JOB,
      what: 'the auto-check job of the new call',
    });
    expect(row.failedCodes).toEqual([]);
  });

  it('re-checks after the transcript is replaced', async () => {
    const id = await ingest(t, polite);
    expect(byCode((await t.as(t.adminToken).get(`/api/recordings/${id}/auto-checks`)).body).FORBIDDEN).toBe('pass');
    await t.as(t.adminToken).put(`/api/recordings/${id}/transcript`).send(rude).expect(200);
    expect(byCode((await t.as(t.adminToken).get(`/api/recordings/${id}/auto-checks`)).body)).toMatchObject({ FORBIDDEN: 'fail', GREETING: 'fail' });
  });

  it('is scoped like the recording', async () => {
    const id = await ingest(t, polite);
    expect((await t.as(world.b.inspector.token).get(`/api/recordings/${id}/auto-checks`)).status).toBe(403);
    expect((await t.anonymous.get(`/api/recordings/${id}/auto-checks`)).status).toBe(401);
  });
});

describe('publishing a new version', () => {
  // Publishing replaces the centre's one active checklist: on a database of its own, so that the
  // other tests here check calls against version 1 whenever they run.
  it('re-checks past calls in the background with visible progress, using the new phrases', () => withOwnApp(rechecksPastCalls, { JOB_POLL_SECONDS: '0.5' }));

  async function rechecksPastCalls(own: TestApp) {
    const b = builders(own);
    const project = await b.project();
    const agent = await b.agent((await b.team(project.code)).code);
    const supervisor = await b.user({ roles: ['supervisor'] });
    const inspector = await b.user({ roles: ['inspector'], projects: [project.code] });
    const id = await ingest(own, { segments: [seg('agent', 0.5, 4, '您好，这个你自己看着办吧')] }, agent.employeeNo);
    const sup = own.as(supervisor.token);
    const draft = (await sup.post('/api/checklists').send({})).body;
    draft.sections[0].items.find((i: { code: string }) => i.code === 'FORBIDDEN').rule.phrases.push('你自己看着办');
    await sup.put(`/api/checklists/${draft.id}`).send({ sections: draft.sections }).expect(200);
    await sup.post(`/api/checklists/${draft.id}/publish`).expect(200);
    const run = await waitFor(
      async () => {
        const runs = (await sup.get('/api/autocheck/runs')).body.items;
        const r = runs.find((x: { checklistVersion: number; status: string }) => x.checklistVersion === 2 && x.status === 'done');
        return r ?? undefined;
      },
      { ...JOB, what: 'the re-check run of version 2 to be done' },
    );
    expect(run.done).toBe(run.total);
    expect(run.total).toBeGreaterThan(0);
    const ds = own.app.get(DataSource);
    const [stored] = await ds.query(
      `SELECT ac."failedCodes" FROM recording_auto_checks ac JOIN checklist_versions v ON v.id = ac."checklistVersionId" WHERE ac."recordingId" = $1 AND v.version = 2`,
      [id],
    );
    expect(stored.failedCodes).toContain('FORBIDDEN');
    expect((await own.as(inspector.token).get('/api/autocheck/runs')).status).toBe(403);
  }
});

describe('agreement between inspectors and the machine', () => {
  it('counts per rule how often the final verdict kept the suggestion', async () => {
    const id = await ingest(t, rude);
    const api = t.as(world.a.inspector.token);
    const draft = (await api.post('/api/evaluations/drafts').send({ recordingId: id, source: 'daily' })).body;
    const forbidden = draft.items.find((i: { code: string }) => i.code === 'FORBIDDEN');
    expect(forbidden).toMatchObject({ verdict: 'fail', autoVerdict: 'fail' });
    expect(forbidden.at).toBeGreaterThanOrEqual(6.2);
    // The inspector overrides GREETING (says the agent did greet) and accepts the rest.
    const items = draft.items.map((i: { code: string; verdict: string | null }) => ({ code: i.code, verdict: i.code === 'GREETING' ? 'pass' : (i.verdict ?? 'pass') }));
    const saved = (await api.put(`/api/evaluations/${draft.id}`).send({ revision: draft.revision, items })).body;
    await api.post(`/api/evaluations/${draft.id}/submit`).send({ revision: saved.revision }).expect(200);
    const stats = (await t.as(world.supervisor.token).get('/api/autocheck/agreement')).body.items;
    const greeting = stats.find((s: { code: string }) => s.code === 'GREETING');
    expect(greeting.overridden).toBeGreaterThanOrEqual(1);
    const forbiddenStats = stats.find((s: { code: string }) => s.code === 'FORBIDDEN');
    expect(forbiddenStats.agreed).toBeGreaterThanOrEqual(1);
  });
});

describe('a job survives a restart', () => {
  it('is done by the next server when the first stopped before running it', async () => {
    const db = await createTestDatabase();
    try {
      const first = await startTestApp({ JOB_WORKERS: '0' }, db);
      const b = (await import('../support/builders.js')).builders(first);
      const team = await b.team((await b.project()).code);
      const agent = await b.agent(team.code);
      const res = await first
        .as(first.adminToken)
        .post('/api/recordings')
        .attach('audio', toneWav(5), 'call.wav')
        .field('metadata', JSON.stringify({ externalId: 'restart-1', agent: agent.employeeNo, startedAt: '2026-11-26T10:00:00+08:00', direction: 'inbound' }))
        .field('transcript', JSON.stringify(rude));
      expect(res.status).toBe(201);
      const ds1 = first.app.get(DataSource);
      const queued = await ds1.query(`SELECT state FROM pgboss.job WHERE name = 'autocheck-recording'`);
      expect(queued.map((j: { state: string }) => j.state)).toEqual(['created']);
      expect((await ds1.query(`SELECT 1 FROM recording_auto_checks`)).length).toBe(0);
      await first.app.close();

      const second = await startTestApp({ JOB_POLL_SECONDS: '0.5' }, db);
      const ds2 = second.app.get(DataSource);
      const row = await waitFor(async () => (await ds2.query(`SELECT "failedCodes" FROM recording_auto_checks WHERE "recordingId" = $1`, [res.body.id]))[0], {
        ...JOB,
        what: 'the job left by the first server, done by the second',
      });
      expect(row.failedCodes).toContain('FORBIDDEN');
      await second.app.close();
    } finally {
      await db.drop();
    }
  });
});

describe('recording search by automatic and manual results', () => {
  it('lists the calls that failed a rule, and those evaluated or not', async () => {
    const bad = await ingest(t, rude);
    const good = await ingest(t, polite);
    const ds = t.app.get(DataSource);
    await waitFor(async () => (await ds.query(`SELECT count(*)::int AS n FROM recording_auto_checks WHERE "recordingId" = ANY($1)`, [[bad, good]]))[0].n === 2, {
      ...JOB,
      what: 'the auto-checks of both calls',
    });
    const ids = async (qs: string) => (await t.as(world.supervisor.token).get(`/api/recordings?pageSize=500&${qs}`)).body.items.map((i: { id: string }) => i.id);
    const failing = await ids('failed=FORBIDDEN');
    expect(failing).toContain(bad);
    expect(failing).not.toContain(good);
    expect((await t.as(world.supervisor.token).get('/api/recordings?failed=forbidden')).status).toBe(400);
    const notYet = await ids('evaluated=false');
    expect(notYet).toContain(good);
    const items = (await t.as(t.adminToken).get('/api/checklists/active')).body.sections.flatMap((s: { items: { code: string }[] }) =>
      s.items.map((i) => ({ code: i.code, verdict: 'pass' })),
    );
    await t.as(world.a.inspector.token).post('/api/evaluations').send({ recordingId: good, source: 'daily', items }).expect(201);
    expect(await ids('evaluated=true')).toContain(good);
    expect(await ids('evaluated=false')).not.toContain(good);
  });
});

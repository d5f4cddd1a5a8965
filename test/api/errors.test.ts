import { DataSource } from 'typeorm';
import type request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '#shared/api/errors.js';
import { ERROR_STATUS } from '#server/common/domain-error.js';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';
import { EvaluationQueryService } from '#server/evaluations/evaluation-query.service.js';
import { ProjectsService } from '#server/org/projects/projects.service.js';
import { toneWav } from '../support/audio.js';
import { builders, twoProjects } from '../support/builders.js';
import { downS3Env } from '../support/s3.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Every error code of shared/src/api/errors.ts on a representative request, with its status: the
 * web branches on these codes, so each must come back where its failure happens.
 */

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
const DAY = '2026-11-20';
let seq = 0;

/** A promotion of a fresh intern of project A to C, with four approvers of its own, and their tokens in turn. */
async function promotion() {
  const b = builders(t);
  const agent = await b.agent(world.a.team.code, { grade: 'intern' });
  const approvers = await Promise.all([1, 2, 3, 4].map(() => b.user({ roles: ['supervisor'], projects: [world.a.project.code] })));
  const [supervisor, deputyManager, manager, director] = approvers.map((a) => a.username);
  const res = await t
    .as(world.a.lead.token)
    .post('/api/kpi/promotions')
    .send({ agent: agent.employeeNo, toGrade: 'C', quarter: '2026-Q3', approvers: { supervisor, deputyManager, manager, director } });
  return { id: res.body.id as string, tokens: approvers.map((a) => a.token) };
}
const approvePromotion = (token: string, id: string) => t.as(token).post(`/api/kpi/promotions/${id}/approve`).send({});

beforeAll(async () => {
  t = await startTestApp({ MAX_UPLOAD_MB: '1' });
  world = await twoProjects(t);
});
afterAll(() => t?.close());

/** A 31-s call (over the sampling plan's 30-s minimum) of the agent on DAY. */
async function sampleableCall(employeeNo: string): Promise<string> {
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', toneWav(31), 'c.wav')
    .field('metadata', JSON.stringify({ externalId: `err-${Date.now()}-${++seq}`, agent: employeeNo, startedAt: `${DAY}T11:00:00+08:00`, direction: 'inbound' }));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id;
}

/** A coaching item for the agent of project A: an inspector's evaluation with a failed item. */
async function coachingItem(): Promise<{ id: string; evaluationId: string }> {
  const recordingId = await recordingFor(t, world.a.agent.employeeNo);
  const evaluation = await t
    .as(world.a.inspector.token)
    .post('/api/evaluations')
    .send({ recordingId, source: 'daily', items: await allItems(t, { B1: 'fail' }) });
  const items = (await t.as(world.a.lead.token).get(`/api/coaching-items?agent=${world.a.agent.employeeNo}&pageSize=500`)).body.items;
  return { id: items.find((i: { evaluationId: string }) => i.evaluationId === evaluation.body.id).id, evaluationId: evaluation.body.id };
}

/** A submitted evaluation of world a failing B1, for the dispute codes (issue 15). */
async function failedB1(source = 'daily'): Promise<string> {
  const recordingId = await recordingFor(t, world.a.agent.employeeNo);
  const res = await t
    .as(world.a.inspector.token)
    .post('/api/evaluations')
    .send({ recordingId, source, items: await allItems(t, { B1: 'fail' }) });
  return res.body.id;
}
const disputeB1 = (evaluationId: string) =>
  t
    .as(world.a.lead.token)
    .post(`/api/evaluations/${evaluationId}/disputes`)
    .send({ items: [{ code: 'B1', reason: '其实复述了' }] });

let calibrationColleague: { token: string; username: string } | undefined;
/** A calibration session (issue 15) on a fresh call of project A: its inspector and a colleague take part. */
async function calibrationSession(): Promise<{ id: string; recordingId: string }> {
  calibrationColleague ??= await builders(t).user({ roles: ['inspector'], projects: [world.a.project.code] });
  const recordingId = await recordingFor(t, world.a.agent.employeeNo);
  const res = await t
    .as(t.adminToken)
    .post('/api/calibration-sessions')
    .send({ title: '校准', recordings: [recordingId], participants: [world.a.inspector.username, calibrationColleague.username], deadline: '2999-01-01' });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return { id: res.body.id, recordingId };
}

/** The inspector's open draft on a fresh call of his project, fully scored. */
async function scoredDraft(): Promise<{ id: string; revision: number }> {
  const recordingId = await recordingFor(t, world.a.agent.employeeNo);
  const api = t.as(world.a.inspector.token);
  const draft = (await api.post('/api/evaluations/drafts').send({ recordingId, source: 'daily' })).body;
  const saved = await api.put(`/api/evaluations/${draft.id}`).send({ revision: draft.revision, items: await allItems(t) });
  return { id: draft.id, revision: saved.body.revision };
}

type Case = [ErrorCode, number, () => Promise<request.Response>, ((body: Record<string, any>) => void)?];

const cases: Case[] = [
  [
    'VALIDATION_FAILED',
    400,
    () =>
      t
        .as(t.adminToken)
        .post('/api/projects')
        .send({ code: '', name: 'x'.repeat(500), colour: 'red' }),
    (body) => {
      // class-validator's constraint names and limits, by field, for the web to translate.
      expect(body.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'name', code: 'maxLength', params: { limit: expect.any(Number) } }),
          expect.objectContaining({ field: 'colour', code: 'whitelistValidation' }),
          expect.objectContaining({ field: 'code' }),
        ]),
      );
    },
  ],
  ['MALFORMED_JSON', 400, () => t.as(t.adminToken).post('/api/projects').set('Content-Type', 'application/json').send('{"code": "P1",')],
  [
    'CHECKLIST_INVALID',
    400,
    async () => {
      const api = t.as(world.supervisor.token);
      const draft = (await api.post('/api/checklists').send({})).body;
      const sections = structuredClone(draft.sections);
      sections[0].items[1].points = 101;
      sections[1].items[0].code = sections[0].items[0].code;
      const res = await api.put(`/api/checklists/${draft.id}`).send({ sections });
      await api.delete(`/api/checklists/${draft.id}`);
      return res;
    },
    (body) => {
      expect(body.errors).toEqual([
        { field: 'sections[0].items[1].points', code: 'pointsRange', params: { min: 0, max: 100 }, message: 'must be a number from 0 to 100' },
        { field: 'sections[1].items[0].code', code: 'codeUsedTwice', params: { code: 'GREETING' }, message: 'GREETING is used twice' },
      ]);
      expect(body.message).toContain('sections[0].items[1].points: must be a number from 0 to 100');
    },
  ],
  [
    'IMPORT_ROWS_INVALID',
    400,
    () =>
      t
        .as(t.adminToken)
        .post('/api/agents/import')
        .attach('file', Buffer.from(`工号,姓名,班组,入职日期,级别\nX001,甲,${world.a.team.code},2024-13-01,S\n`), 'a.csv'),
    (body) => {
      expect(body.params).toEqual({ rows: 1 });
      expect(body.errors).toEqual([
        expect.objectContaining({ line: 2, field: 'hiredAt', code: 'badCell', params: { value: '2024-13-01' } }),
        expect.objectContaining({ line: 2, field: 'grade', code: 'badCell', params: { value: 'S' } }),
      ]);
    },
  ],
  [
    'EXPORT_TOO_LARGE',
    400,
    () => {
      // Fifty thousand evaluations are too many to make: the count is what decides.
      vi.spyOn(t.app.get(EvaluationQueryService), 'list').mockResolvedValueOnce({ total: 50_001, items: [] });
      return t.as(world.supervisor.token).get(`/api/evaluations?from=${DAY}&to=${DAY}&format=csv`);
    },
    (body) => expect(body.params).toEqual({ total: 50_001, limit: 50_000 }),
  ],
  ['UNAUTHENTICATED', 401, () => t.anonymous.get('/api/projects')],
  ['BAD_CREDENTIALS', 401, () => t.anonymous.post('/api/auth/login').send({ username: 'admin', password: 'not-the-password' })],
  ['PERMISSION_DENIED', 403, () => t.as(world.a.inspector.token).post('/api/checklists').send({})],
  ['SCOPE_DENIED', 403, () => t.as(world.a.inspector.token).get(`/api/teams/${world.b.team.id}`)],
  [
    'ALL_PROJECTS_ONLY',
    403,
    async () =>
      t
        .as((await builders(t).user({ roles: ['supervisor'], projects: [world.a.project.code] })).token)
        .post('/api/checklists')
        .send({}),
  ],
  [
    'DAY_NOT_OVER',
    400,
    () =>
      t
        .as(t.adminToken)
        .post('/api/sampling/runs')
        .send({ project: world.a.project.code, date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()) }),
    (body) => expect(body.errors).toEqual([expect.objectContaining({ field: 'date', code: 'dayNotOver' })]),
  ],
  [
    'NOT_YOUR_DRAFT',
    403,
    async () => {
      const draft = await scoredDraft();
      const colleague = await builders(t).user({ roles: ['inspector'], projects: [world.a.project.code] });
      return t.as(colleague.token).post(`/api/evaluations/${draft.id}/submit`).send({ revision: draft.revision });
    },
  ],
  ['NOT_FOUND', 404, () => t.as(t.adminToken).get('/api/projects/00000000-0000-4000-8000-000000000000')],
  ['DUPLICATE', 409, () => t.as(t.adminToken).post('/api/projects').send({ code: world.a.project.code, name: '重复' })],
  [
    'STALE_REVISION',
    409,
    async () => {
      const draft = await scoredDraft();
      return t
        .as(world.a.inspector.token)
        .put(`/api/evaluations/${draft.id}`)
        .send({ revision: draft.revision - 1, items: [{ code: 'B1', verdict: 'fail' }] });
    },
  ],
  [
    'EVALUATION_LOCKED',
    409,
    async () => {
      const draft = await scoredDraft();
      const api = t.as(world.a.inspector.token);
      const submitted = await api.post(`/api/evaluations/${draft.id}/submit`).send({ revision: draft.revision });
      expect(submitted.status).toBe(200);
      // Submitted from another tab meanwhile: this tab's submit of the same revision is refused as locked, not as stale.
      return api.post(`/api/evaluations/${draft.id}/submit`).send({ revision: draft.revision });
    },
  ],
  [
    'EVALUATION_NOT_SUBMITTED',
    409,
    async () => {
      const draft = await scoredDraft();
      return t
        .as(t.adminToken)
        .post(`/api/evaluations/${draft.id}/amend`)
        .send({ reason: '复核修正', items: [{ code: 'B1', verdict: 'fail' }] });
    },
  ],
  [
    'DRAFT_EXISTS',
    409,
    async () => {
      const api = t.as(world.supervisor.token);
      const draft = (await api.post('/api/checklists').send({})).body;
      const res = await api.post('/api/checklists').send({});
      await api.delete(`/api/checklists/${draft.id}`);
      return res;
    },
    (body) => expect(body.params).toEqual({ version: 2 }),
  ],
  [
    'VERSION_PUBLISHED',
    409,
    async () => {
      const api = t.as(world.supervisor.token);
      const active = (await api.get('/api/checklists/active')).body;
      return api.delete(`/api/checklists/${active.id}`);
    },
    (body) => expect(body.params).toEqual({ version: 1 }),
  ],
  [
    'NO_INSPECTOR',
    409,
    async () =>
      t
        .as(t.adminToken)
        .post('/api/sampling/runs')
        .send({ project: (await builders(t).project()).code, date: DAY }),
  ],
  [
    'ALREADY_SCORED',
    409,
    async () => {
      const recordingId = await sampleableCall(world.b.agent.employeeNo);
      const lead = t.as(world.b.lead.token);
      const [drawn] = (await lead.post('/api/sampling/spot-checks').send({ team: world.b.team.code, date: DAY, count: 1 })).body;
      expect(drawn.recordingId).toBe(recordingId);
      expect((await lead.post('/api/evaluations').send({ recordingId, source: 'spot-check', items: await allItems(t) })).status).toBe(201);
      return t.as(t.adminToken).patch(`/api/sampling/assignments/${drawn.id}`).send({ inspector: world.b.inspector.username });
    },
  ],
  [
    'NOTHING_TO_DRAW',
    409,
    () => t.as(world.a.lead.token).post('/api/sampling/spot-checks').send({ team: world.a.team.code, date: '2026-01-02', count: 1 }),
    (body) => expect(body.params).toEqual({ team: world.a.team.code, date: '2026-01-02' }),
  ],
  [
    'RECTIFICATION_STATE',
    409,
    async () => {
      const notice = (
        await t
          .as(world.a.inspector.token)
          .post('/api/rectification-notices')
          .send({ team: world.a.team.code, codes: ['GREETING'], actions: '复训', deadline: '2099-12-31' })
      ).body;
      await t.as(world.a.lead.token).post(`/api/rectification-notices/${notice.id}/acknowledge`).send({ actionPlan: '演练' });
      return t.as(world.a.lead.token).post(`/api/rectification-notices/${notice.id}/acknowledge`).send({ actionPlan: '再次' });
    },
    (body) => expect(body.params).toEqual({ status: 'acknowledged', action: 'acknowledge' }),
  ],
  [
    'COACHING_ITEM_CLOSED',
    409,
    async () => {
      const item = await coachingItem();
      await t
        .as(world.supervisor.token)
        .post(`/api/evaluations/${item.evaluationId}/amend`)
        .send({ reason: '复核后认定合格', items: [{ code: 'B1', verdict: 'pass' }] });
      return t.as(world.a.lead.token).post(`/api/coaching-items/${item.id}/acknowledge`).send({});
    },
  ],
  [
    'COACHING_ITEM_IMPROVED',
    409,
    async () => {
      // Coached on the 3rd, then three later calls pass: the item is closed as improved.
      const agent = (await builders(t).agent(world.a.team.code)).employeeNo;
      const evaluate = async (day: string, verdicts: Record<string, 'fail'> = {}) =>
        (
          await t
            .as(world.a.inspector.token)
            .post('/api/evaluations')
            .send({ recordingId: await recordingFor(t, agent, { startedAt: `${day}T10:00:00+08:00` }), source: 'daily', items: await allItems(t, verdicts) })
        ).body.id as string;
      const evaluationId = await evaluate('2026-11-02', { B1: 'fail' });
      const items = (await t.as(world.a.lead.token).get(`/api/coaching-items?agent=${agent}`)).body.items;
      const id = items.find((i: { evaluationId: string }) => i.evaluationId === evaluationId).id as string;
      const session = { date: '2026-11-03', said: '复听了录音', commitment: '照标准执行' };
      await t.as(world.a.lead.token).post(`/api/coaching-items/${id}/sessions`).send(session);
      for (const day of ['2026-11-04', '2026-11-05', '2026-11-06']) await evaluate(day);
      return t
        .as(world.a.lead.token)
        .post(`/api/coaching-items/${id}/sessions`)
        .send({ ...session, date: '2026-11-07' });
    },
  ],
  [
    'ALREADY_ACKNOWLEDGED',
    409,
    async () => {
      const item = await coachingItem();
      await t.as(world.a.lead.token).post(`/api/coaching-items/${item.id}/acknowledge`).send({});
      return t.as(world.a.lead.token).post(`/api/coaching-items/${item.id}/acknowledge`).send({});
    },
    (body) => expect(body.params).toEqual({ by: world.a.lead.username }),
  ],
  [
    'COACHING_ITEM_STALE',
    409,
    async () => {
      const item = await coachingItem();
      return t.as(world.a.lead.token).post(`/api/coaching-items/${item.id}/acknowledge`).send({ revision: 7 });
    },
  ],
  [
    'SELF_LOCKOUT',
    409,
    async () => {
      const me = (await t.as(t.adminToken).get('/api/auth/me')).body;
      return t.as(t.adminToken).patch(`/api/users/${me.id}`).send({ active: false });
    },
  ],
  [
    'PAYLOAD_TOO_LARGE',
    413,
    () =>
      t
        .as(t.adminToken)
        .post('/api/projects')
        .send({ code: 'BIG', name: 'x'.repeat(6 * 1024 * 1024) }),
  ],
  [
    'UNSUPPORTED_MEDIA',
    415,
    () =>
      t
        .as(t.adminToken)
        .post('/api/recordings')
        .attach('audio', Buffer.from('just text pretending to be audio'), 'call.wav')
        .field(
          'metadata',
          JSON.stringify({ externalId: `err-text-${++seq}`, agent: world.a.agent.employeeNo, startedAt: `${DAY}T10:00:00+08:00`, direction: 'inbound' }),
        ),
  ],
  [
    'RANGE_NOT_SATISFIABLE',
    416,
    async () =>
      t
        .as(t.adminToken)
        .get(`/api/recordings/${await recordingFor(t, world.a.agent.employeeNo)}/audio`)
        .set('Range', 'bytes=99999999-'),
    (body) => expect(body.params).toEqual({ size: expect.any(Number) }),
  ],
  [
    'AUDIO_REMOVED',
    410,
    async () => {
      // A call of 400 days ago in a project that keeps audio 30 days, after the retention run.
      const project = await builders(t).project();
      const team = await builders(t).team(project.code);
      const agent = await builders(t).agent(team.code);
      const id = await recordingFor(t, agent.employeeNo, { startedAt: new Date(Date.now() - 400 * 86_400_000).toISOString() });
      await t.as(t.adminToken).put(`/api/retention-policies/${project.id}`).send({ audioDays: 30, evaluatedAudioDays: null });
      await t.as(t.adminToken).post('/api/retention-runs');
      return t.as(t.adminToken).get(`/api/recordings/${id}/audio`);
    },
    (body) => expect(body.params).toEqual({ removedAt: expect.any(String) }),
  ],
  [
    'THROTTLED',
    429,
    async () => {
      const user = await builders(t).user();
      for (let i = 0; i < 5; i++) await t.anonymous.post('/api/auth/login').send({ username: user.username, password: 'wrong-password' });
      return t.anonymous.post('/api/auth/login').send({ username: user.username, password: 'wrong-password' });
    },
    (body) => expect(body.params).toEqual({ retryAfterSeconds: expect.any(Number) }),
  ],
  [
    'NUMBER_SEARCH_PARTIAL',
    400,
    () => t.as(world.a.inspector.token).get('/api/recordings?customerNumber=138****5678'),
    (body) => expect(body.errors).toEqual([expect.objectContaining({ field: 'customerNumber' })]),
  ],
  [
    'NUMBER_SEARCH_THROTTLED',
    429,
    async () => {
      const lead = await builders(t).user({ roles: ['team_lead'], teams: [world.a.team.code] });
      for (let i = 0; i < 20; i++) await t.as(lead.token).get(`/api/recordings?customerNumber=1390000${String(1000 + i)}`);
      return t.as(lead.token).get('/api/recordings?customerNumber=13900009999');
    },
    (body) => expect(body.params).toEqual({ retryAfterSeconds: expect.any(Number), limit: 20 }),
  ],
  [
    'AUDIO_SAMPLE_RATE',
    415,
    () =>
      t
        .as(t.adminToken)
        .post('/api/recordings')
        .attach('audio', toneWav(1, { sampleRate: 1 }), 'c.wav')
        .field(
          'metadata',
          JSON.stringify({ externalId: `err-rate-${++seq}`, agent: world.a.agent.employeeNo, startedAt: `${DAY}T10:00:00+08:00`, direction: 'inbound' }),
        ),
    (body) => expect(body.params).toEqual({ sampleRate: 1 }),
  ],
  [
    'AUDIO_TOO_LONG',
    413,
    async () => {
      // MAX_AUDIO_HOURS lowered to 1 s for this request (a real 4-hour file would not fit the 1 MB upload limit here).
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const max = config.maxAudioSeconds;
      config.maxAudioSeconds = 1;
      try {
        return await t
          .as(t.adminToken)
          .post('/api/recordings')
          .attach('audio', toneWav(2), 'c.wav')
          .field(
            'metadata',
            JSON.stringify({ externalId: `err-long-${++seq}`, agent: world.a.agent.employeeNo, startedAt: `${DAY}T10:00:00+08:00`, direction: 'inbound' }),
          );
      } finally {
        config.maxAudioSeconds = max;
      }
    },
    (body) => expect(body.params).toEqual({ seconds: 2, maxSeconds: 1 }),
  ],
  ['EXPORT_NEEDS_APPROVAL', 403, () => t.as(world.a.inspector.token).get(`/api/evaluations?from=${DAY}&to=${DAY}&format=csv`)],
  [
    'EXPORT_STATE',
    409,
    async () => {
      const asked = await t.as(world.a.lead.token).post('/api/exports').send({ kind: 'evaluations', format: 'csv', from: DAY, to: DAY });
      return t.as(world.a.lead.token).get(`/api/exports/${asked.body.id}/download`);
    },
    (body) => expect(body.params).toEqual({ status: 'pending' }),
  ],
  [
    'REPORT_PUBLISHED',
    409,
    async () => {
      const made = await t.as(world.supervisor.token).post('/api/analysis-reports').send({ kind: 'daily', project: world.a.project.code, date: DAY });
      await t.as(world.supervisor.token).post(`/api/analysis-reports/${made.body.id}/publish`);
      return t.as(world.supervisor.token).post(`/api/analysis-reports/${made.body.id}/publish`);
    },
    (body) => expect(body.params).toEqual({ id: expect.any(String) }),
  ],
  [
    'PROMOTION_STATE',
    409,
    async () => {
      const p = await promotion();
      await t.as(p.tokens[0]).post(`/api/kpi/promotions/${p.id}/reject`).send({ comment: '不同意' });
      return approvePromotion(p.tokens[1], p.id);
    },
    (body) => expect(body.params).toEqual({ status: 'rejected' }),
  ],
  [
    'PROMOTION_OUT_OF_TURN',
    409,
    async () => {
      const p = await promotion();
      return approvePromotion(p.tokens[2], p.id);
    },
    (body) => expect(body.params).toEqual({ step: 'supervisor' }),
  ],
  [
    'PROMOTION_ALREADY_DECIDED',
    409,
    async () => {
      const p = await promotion();
      await approvePromotion(p.tokens[0], p.id);
      return approvePromotion(p.tokens[0], p.id);
    },
    (body) => expect(body.params).toEqual({ step: 'supervisor' }),
  ],
  ['PROMOTION_NOT_APPROVER', 403, async () => approvePromotion(world.supervisor.token, (await promotion()).id)],
  [
    'EXAM_REQUIRED',
    409,
    async () => {
      const p = await promotion();
      for (const token of p.tokens.slice(0, 3)) await approvePromotion(token, p.id);
      return approvePromotion(p.tokens[3], p.id);
    },
    (body) => expect(body.params).toEqual({ kind: 'probation' }),
  ],
  [
    'FAQ_RETIRED',
    409,
    async () => {
      const created = await t.as(world.supervisor.token).post('/api/faq').send({ question: '停用的问题', answer: '答案' });
      await t.as(world.supervisor.token).post(`/api/faq/${created.body.id}/retire`).send({ reason: '过时' });
      return t.as(world.supervisor.token).post(`/api/faq/${created.body.id}/publish`).send({});
    },
  ],
  [
    'FAQ_STALE',
    409,
    async () => {
      const created = await t.as(world.supervisor.token).post('/api/faq').send({ question: '改过的问题', answer: '答案' });
      await t.as(world.supervisor.token).put(`/api/faq/${created.body.id}`).send({ question: '改过的问题', answer: '新答案', revision: 1 });
      return t.as(world.supervisor.token).put(`/api/faq/${created.body.id}`).send({ question: '改过的问题', answer: '另一个答案', revision: 1 });
    },
    (body) => expect(body.params).toEqual({ revision: 2 }),
  ],
  [
    'FAQ_STATE',
    409,
    async () => {
      const created = await t.as(world.supervisor.token).post('/api/faq').send({ question: '送审的问题', answer: '答案' });
      await t.as(world.supervisor.token).post(`/api/faq/${created.body.id}/submit`).send({});
      return t.as(world.supervisor.token).post(`/api/faq/${created.body.id}/submit`).send({});
    },
    (body) => expect(body.params).toEqual({ status: 'in_review', action: 'submit' }),
  ],
  [
    'DISPUTE_WINDOW_CLOSED',
    409,
    async () => {
      const id = await failedB1();
      await t.app.get(DataSource).query(`UPDATE evaluations SET "submittedAt" = now() - interval '30 days' WHERE id = $1`, [id]);
      return disputeB1(id);
    },
    (body) => expect(body.params).toMatchObject({ days: 7 }),
  ],
  ['DISPUTE_CALIBRATION', 409, async () => disputeB1(await failedB1('calibration'))],
  [
    'DISPUTE_EXISTS',
    409,
    async () => {
      const id = await failedB1();
      await disputeB1(id);
      return disputeB1(id);
    },
    (body) => expect(body.params).toMatchObject({ status: 'awaiting_inspector' }),
  ],
  [
    'EVALUATION_ACKNOWLEDGED',
    409,
    async () => {
      const id = await failedB1();
      await t.as(world.a.lead.token).post(`/api/evaluations/${id}/acknowledge`);
      return disputeB1(id);
    },
    (body) => expect(body.params).toEqual({ by: world.a.lead.username }),
  ],
  [
    'DISPUTE_STATE',
    409,
    async () => {
      const dispute = (await disputeB1(await failedB1())).body;
      return t.as(world.a.lead.token).post(`/api/disputes/${dispute.id}/escalate`).send({ reason: '请主管裁定' });
    },
    (body) => expect(body.params).toEqual({ status: 'awaiting_inspector', action: 'escalated' }),
  ],
  [
    'DISPUTE_NOT_YOURS',
    403,
    async () => {
      const dispute = (await disputeB1(await failedB1())).body;
      return t
        .as(t.adminToken)
        .post(`/api/disputes/${dispute.id}/answer`)
        .send({ items: [{ code: 'B1', decision: 'accept' }] });
    },
  ],
  [
    'EXAMPLE_NOT_YOURS',
    403,
    async () => {
      const evaluationId = await failedB1();
      const example = { kind: 'bad', items: ['B1'], note: '没有复述', regions: [{ start: 0, end: 0.5 }] };
      const created = await t
        .as(world.a.inspector.token)
        .post('/api/examples')
        .send({ ...example, evaluationId });
      const colleague = await builders(t).user({ roles: ['inspector'], projects: [world.a.project.code] });
      return t.as(colleague.token).put(`/api/examples/${created.body.id}`).send(example);
    },
  ],
  [
    'AUTO_CHECK_BLIND',
    403,
    async () => {
      const b = builders(t);
      const project = await b.project();
      const team = await b.team(project.code);
      const agent = await b.agent(team.code, { hiredAt: '2020-01-01', grade: 'A' });
      const inspector = await b.user({ roles: ['inspector'], projects: [project.code] });
      for (let i = 0; i < 2; i++) await sampleableCall(agent.employeeNo);
      await t.as(t.adminToken).put(`/api/projects/${project.id}/blind-share`).send({ share: 0.5 }).expect(200);
      await t.as(t.adminToken).post('/api/sampling/runs').send({ project: project.code, date: DAY }).expect(201);
      const queue = (await t.as(inspector.token).get('/api/sampling/queue').query({ date: DAY })).body;
      const blind = queue.items.find((a: { blind: boolean }) => a.blind);
      return t.as(inspector.token).get(`/api/recordings/${blind.recordingId}/auto-checks`);
    },
  ],
  [
    'CALIBRATION_BLIND',
    403,
    async () => {
      const { id, recordingId } = await calibrationSession();
      const first = await t
        .as(world.a.inspector.token)
        .post('/api/evaluations')
        .send({ recordingId, source: 'calibration', items: await allItems(t) });
      expect(first.status).toBe(201);
      expect(id).toBeTruthy();
      return t.as(calibrationColleague!.token).get(`/api/evaluations/${first.body.id}`);
    },
  ],
  [
    'CALIBRATION_STATE',
    409,
    async () => {
      const { id } = await calibrationSession();
      return t
        .as(t.adminToken)
        .put(`/api/calibration-sessions/${id}/guidance`)
        .send({ items: [{ code: 'B1', text: '复述需求才算' }] });
    },
    (body) => expect(body.params).toEqual({ status: 'open', action: 'given guidance' }),
  ],
  [
    'CALIBRATION_NOT_PARTICIPANT',
    403,
    async () => {
      const { id } = await calibrationSession();
      const outsider = await builders(t).user({ roles: ['inspector'], projects: [world.a.project.code] });
      return t.as(outsider.token).get(`/api/calibration-sessions/${id}`);
    },
  ],
  [
    'INTERNAL',
    500,
    () => {
      vi.spyOn(t.app.get(ProjectsService), 'list').mockRejectedValueOnce(new Error('relation "projects" does not exist: SELECT secret FROM projects'));
      return t.as(t.adminToken).get('/api/projects');
    },
    (body) => {
      // The cause goes to the server log only.
      expect(body).toEqual({ statusCode: 500, message: 'Internal server error', code: 'INTERNAL' });
      expect(JSON.stringify(body)).not.toMatch(/secret|relation|SELECT|at /);
    },
  ],
  [
    'UNAVAILABLE',
    503,
    () => {
      vi.spyOn(t.app.get(DataSource), 'query').mockRejectedValueOnce(new Error('connection refused'));
      return t.anonymous.get('/api/health');
    },
  ],
  [
    'STORAGE_UNAVAILABLE',
    503,
    async () => {
      // The same database served by a process whose S3 store does not answer.
      const id = await recordingFor(t, world.a.agent.employeeNo);
      const down = await startTestApp(await downS3Env(), { url: t.databaseUrl });
      try {
        return await down.as(down.adminToken).get(`/api/recordings/${id}/audio`);
      } finally {
        await down.close();
      }
    },
    (body) => expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/),
  ],
];

describe('error codes', () => {
  it('has one case below for every code, each with the status the server maps it to', () => {
    expect(cases.map(([code]) => code).sort()).toEqual([...ERROR_CODES].sort());
    for (const [code, status] of cases) expect(ERROR_STATUS[code]).toBe(status);
  });

  it.each(cases)('%s answers %i as {statusCode, message, code}', async (code, status, send, more) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ statusCode: status, code });
    expect(typeof res.body.message).toBe('string');
    more?.(res.body);
  });

  it('gives an unknown API route and a malformed id the codes of their statuses', async () => {
    const unknown = await t.as(t.adminToken).get('/api/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const badId = await t.as(t.adminToken).get('/api/projects/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    // Every id in a path is checked the same way, and the answer names the parameter.
    for (const url of ['/api/projects/not-a-uuid', '/api/recordings/not-a-uuid', '/api/evaluations/not-a-uuid', '/api/checklists/not-a-uuid']) {
      const res = await t.as(t.adminToken).get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.errors, url).toEqual([{ field: 'id', code: 'isUuid', message: 'must be a UUID' }]);
    }
  });

  it('names the field and what is wrong with it in a service’s own 400', async () => {
    const recordingId = await recordingFor(t, world.a.agent.employeeNo);
    const items = (await allItems(t)).map((i: { code: string }) => (i.code === 'FORBIDDEN' ? { ...i, verdict: 'na' } : i));
    const res = await t.as(world.a.inspector.token).post('/api/evaluations').send({ recordingId, source: 'daily', items });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/^items\[\d+\]\.verdict$/), code: 'naNotAllowed', params: { value: 'FORBIDDEN' } }),
    ]);
  });
});

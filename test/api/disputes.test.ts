import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '#shared/dates.js';
import { scoreEvaluation } from '#shared/scoring/score.js';
import { DisputesService } from '#server/disputes/disputes.service.js';
import { builders } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 15: a team lead accepts an evaluation for the agent or disputes failed items within the
 * project's window; the inspector answers, the lead escalates once, the supervisor rules finally; an
 * upheld item amends the evaluation, so score, defects, coaching items and reports follow.
 */

let t: TestApp;
type User = { id: string; username: string; token: string };
let w: {
  project: { id: string; code: string };
  team: { code: string };
  agent: { employeeNo: string };
  inspector: User;
  inspector2: User;
  supervisor: User;
  lead: User;
  otherLead: User;
  elsewhere: User;
};
const today = () => localDateOf(new Date(), process.env.TZ);
const leadToken = () => w.lead.token;

beforeAll(async () => {
  t = await startTestApp();
  const b = builders(t);
  const project = await b.project();
  const team = await b.team(project.code);
  const otherTeam = await b.team(project.code);
  const agent = await b.agent(team.code);
  const other = await b.project();
  const [inspector, inspector2, supervisor, lead, otherLead, elsewhere] = await Promise.all([
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    b.user({ roles: ['team_lead'], teams: [team.code] }),
    b.user({ roles: ['team_lead'], teams: [otherTeam.code] }),
    b.user({ roles: ['supervisor'], projects: [other.code] }),
  ]);
  w = { project, team, agent, inspector, inspector2, supervisor, lead, otherLead, elsewhere };
});
afterAll(() => t?.close());

/** A submitted evaluation of a new call of the agent (on `day`), failing the items given. */
async function submitted(fails: string[], o: { token?: string; source?: string; day?: string; agent?: string } = {}) {
  const recordingId = await recordingFor(t, o.agent ?? w.agent.employeeNo, o.day ? { startedAt: `${o.day}T10:00:00+08:00` } : {});
  const verdicts = Object.fromEntries(fails.map((c) => [c, 'fail' as const]));
  const res = await t
    .as(o.token ?? w.inspector.token)
    .post('/api/evaluations')
    .send({ recordingId, source: o.source ?? 'daily', items: await allItems(t, verdicts) });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: string; score: number };
}

/** The score of an evaluation of the active checklist failing these items, by the shared rule. */
async function scoreFailing(fails: string[]): Promise<number> {
  const active = (await t.as(t.adminToken).get('/api/checklists/active')).body;
  const items = active.sections.flatMap((s: { items: { code: string; points: number; critical: boolean }[] }) => s.items);
  return scoreEvaluation(items.map((i: { code: string; points: number; critical: boolean }) => ({ ...i, verdict: fails.includes(i.code) ? 'fail' : 'pass' }))).score!;
}

const raise = (token: string, evaluationId: string, items: { code: string; reason: string }[]) =>
  t.as(token).post(`/api/evaluations/${evaluationId}/disputes`).send({ items });
const why = (code: string) => ({ code, reason: `录音中 ${code} 其实做到了` });
const answer = (token: string, id: string, items: { code: string; decision: string; reason?: string }[]) =>
  t.as(token).post(`/api/disputes/${id}/answer`).send({ items });
const escalate = (token: string, id: string) => t.as(token).post(`/api/disputes/${id}/escalate`).send({ reason: '质检员的理由不成立，请主管裁定' });
const rule = (token: string, id: string, items: { code: string; ruling: string; reason: string }[]) => t.as(token).post(`/api/disputes/${id}/ruling`).send({ items });

async function sql(query: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(query, params)).rows;
  } finally {
    await client.end();
  }
}

describe('the dispute chain: raised by the lead, answered by the inspector, escalated, ruled', () => {
  it('amends every upheld item, so that the score, defects, coaching item and reports follow, and keeps every step', async () => {
    // A team and inspector of its own, so that the reports and the summary count this evaluation alone.
    const b = builders(t);
    const team = await b.team(w.project.code);
    const agent = await b.agent(team.code);
    const lead = await b.user({ roles: ['team_lead'], teams: [team.code] });
    const inspector = await b.user({ roles: ['inspector'], projects: [w.project.code] });
    const day = '2026-10-05';
    const evaluation = await submitted(['GREETING', 'B1', 'B2'], { token: inspector.token, day, agent: agent.employeeNo });
    const report = async () => (await t.as(w.supervisor.token).get(`/api/reports/summary?project=${w.project.code}&team=${team.code}&from=${day}&to=${day}`)).body;
    const trend = async () =>
      (await t.as(w.supervisor.token).get(`/api/reports/trend?project=${w.project.code}&team=${team.code}&from=${day}&to=${day}&bucket=day`)).body.points[0];
    const failures = async (code: string) => (await report()).items.find((i: { code: string }) => i.code === code)?.failures;
    const coaching = async () => {
      const items = (await t.as(lead.token).get(`/api/coaching-items?agent=${agent.employeeNo}&pageSize=500`)).body.items;
      const item = items.find((i: { evaluationId: string }) => i.evaluationId === evaluation.id);
      const detail = (await t.as(lead.token).get(`/api/coaching-items/${item.id}`)).body;
      return { codes: item.codes, status: item.status, defects: detail.defects.map((d: { code: string }) => d.code) };
    };
    const score = async () => (await t.as(lead.token).get(`/api/evaluations/${evaluation.id}`)).body.score;
    expect(await failures('GREETING')).toBe(1);
    expect(await coaching()).toEqual({ codes: ['GREETING', 'B1', 'B2'], status: 'open', defects: ['GREETING', 'B1', 'B2'] });
    expect((await t.as(lead.token).get('/api/disputes/to-acknowledge')).body.items.map((i: { evaluationId: string }) => i.evaluationId)).toContain(evaluation.id);

    const raised = await raise(lead.token, evaluation.id, [why('GREETING'), why('B1'), why('B2')]);
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({
      evaluationId: evaluation.id,
      status: 'awaiting_inspector',
      inspector: inspector.username,
      raisedBy: lead.username,
      score: evaluation.score,
    });
    expect(
      raised.body.items.map((i: { code: string; outcome: string; fromVerdict: string; toVerdict: string }) => [i.code, i.outcome, i.fromVerdict, i.toVerdict]),
    ).toEqual([
      ['GREETING', 'pending', 'fail', 'pass'],
      ['B1', 'pending', 'fail', 'pass'],
      ['B2', 'pending', 'fail', 'pass'],
    ]);
    const id = raised.body.id;
    expect((await t.as(lead.token).get('/api/disputes/to-acknowledge')).body.items.map((i: { evaluationId: string }) => i.evaluationId)).not.toContain(evaluation.id);

    // The inspector accepts GREETING (amended at once) and rejects the others.
    const answered = await answer(inspector.token, id, [
      { code: 'GREETING', decision: 'accept' },
      { code: 'B1', decision: 'reject', reason: '复述不完整' },
      { code: 'B2', decision: 'reject', reason: '被客户带偏' },
    ]);
    expect(answered.status).toBe(201);
    expect(answered.body.status).toBe('answered');
    expect(evaluation.score).toBe(await scoreFailing(['GREETING', 'B1', 'B2']));
    expect(answered.body.score).toBe(await scoreFailing(['B1', 'B2']));
    expect(await score()).toBe(await scoreFailing(['B1', 'B2']));
    expect(await failures('GREETING')).toBe(0);
    expect(await failures('B1')).toBe(1);
    expect(await coaching()).toEqual({ codes: ['B1', 'B2'], status: 'open', defects: ['B1', 'B2'] });

    const escalated = await escalate(lead.token, id);
    expect(escalated.status).toBe(201);
    expect(escalated.body.status).toBe('escalated');
    expect(escalated.body.items.filter((i: { escalated: boolean }) => i.escalated).map((i: { code: string }) => i.code)).toEqual(['B1', 'B2']);

    const ruled = await rule(w.supervisor.token, id, [
      { code: 'B1', ruling: 'uphold', reason: '第 20 秒已复述需求' },
      { code: 'B2', ruling: 'reject', reason: '确实被带偏' },
    ]);
    expect(ruled.status).toBe(201);
    expect(ruled.body.status).toBe('ruled');
    const finalScore = await scoreFailing(['B2']);
    expect(ruled.body.score).toBe(finalScore);
    expect(ruled.body.items.map((i: { code: string; outcome: string }) => [i.code, i.outcome])).toEqual([
      ['GREETING', 'upheld'],
      ['B1', 'upheld'],
      ['B2', 'rejected'],
    ]);
    expect(ruled.body.steps.map((s: { action: string; by: string }) => [s.action, s.by])).toEqual([
      ['raise', lead.username],
      ['answer', inspector.username],
      ['escalate', lead.username],
      ['rule', w.supervisor.username],
    ]);
    expect(ruled.body.steps[3].items).toContainEqual({ code: 'B1', decision: 'uphold', reason: '第 20 秒已复述需求' });

    // Everything at once: the evaluation, its defects, the coaching item, the reports and the dashboard's trend.
    expect(await score()).toBe(finalScore);
    expect(await coaching()).toEqual({ codes: ['B2'], status: 'open', defects: ['B2'] });
    expect(await failures('B1')).toBe(0);
    expect(await failures('B2')).toBe(1);
    expect((await report()).averageScore).toBe(finalScore);
    expect(await trend()).toMatchObject({ evaluations: 1, averageScore: finalScore });
    const history = (await t.as(w.supervisor.token).get(`/api/evaluations/${evaluation.id}/history`)).body;
    expect(history.filter((h: { action: string }) => h.action === 'amended')).toHaveLength(2);

    // The summary by item, inspector and team, with the upheld rate.
    const summary = (await t.as(w.supervisor.token).get(`/api/disputes/summary?from=${today()}&to=${today()}&project=${w.project.code}`)).body;
    const rowOf = (rows: { key: string }[], key: string) => rows.find((r) => r.key === key);
    expect(rowOf(summary.byInspector, inspector.username)).toMatchObject({ raised: 3, upheld: 2, rejected: 1, pending: 0, upheldRate: 2 / 3 });
    expect(rowOf(summary.byTeam, team.code)).toMatchObject({ raised: 3, upheld: 2, upheldRate: 2 / 3 });
    expect(rowOf(summary.byItem, 'B2')).toMatchObject({ rejected: expect.any(Number) });

    // The inspector-consistency page's figure.
    const figures = await t.app.get(DisputesService).upheldByInspector([w.project.id], today(), today());
    expect(figures.find((f) => f.inspectorId === inspector.id)).toEqual({ inspectorId: inspector.id, disputedItems: 3, upheldItems: 2 });
    expect(await t.app.get(DisputesService).upheldByInspector([w.project.id], '2020-01-01', '2020-01-31')).toEqual([]);
  });

  it('changes nothing when every item is rejected, by the inspector and then by the supervisor', async () => {
    const evaluation = await submitted(['B3']);
    const before = (await t.as(w.lead.token).get(`/api/evaluations/${evaluation.id}`)).body;
    const id = (await raise(w.lead.token, evaluation.id, [why('B3')])).body.id;
    expect((await answer(w.inspector.token, id, [{ code: 'B3', decision: 'reject', reason: '知识点讲错了' }])).body.status).toBe('answered');
    expect((await escalate(w.lead.token, id)).status).toBe(201);
    const ruled = await rule(w.supervisor.token, id, [{ code: 'B3', ruling: 'reject', reason: '维持原判' }]);
    expect(ruled.body).toMatchObject({ status: 'ruled', score: evaluation.score });
    const after = (await t.as(w.lead.token).get(`/api/evaluations/${evaluation.id}`)).body;
    expect(after.score).toBe(before.score);
    expect(after.items).toEqual(before.items);
    const history = (await t.as(w.supervisor.token).get(`/api/evaluations/${evaluation.id}/history`)).body;
    expect(history.map((h: { action: string }) => h.action)).not.toContain('amended');
  });

  it('resolves the dispute when the inspector accepts every item: nothing left to escalate', async () => {
    const evaluation = await submitted(['B4']);
    const id = (await raise(w.lead.token, evaluation.id, [why('B4')])).body.id;
    const res = await answer(w.inspector.token, id, [{ code: 'B4', decision: 'accept', reason: '确实讲清楚了' }]);
    expect(res.body).toMatchObject({ status: 'resolved', score: 100 });
    expect(evaluation.score).toBeLessThan(100);
    const escalated = await escalate(w.lead.token, id);
    expect(escalated.status).toBe(409);
    expect(escalated.body.code).toBe('DISPUTE_STATE');
  });
});

describe('POST /api/evaluations/:id/acknowledge', () => {
  it('lets the lead accept once; then neither accepting again nor disputing', async () => {
    const evaluation = await submitted(['B5']);
    const res = await t.as(w.lead.token).post(`/api/evaluations/${evaluation.id}/acknowledge`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ evaluationId: evaluation.id, open: false, acknowledgement: { by: w.lead.username }, dispute: null, windowDays: 7 });
    const again = await t.as(w.lead.token).post(`/api/evaluations/${evaluation.id}/acknowledge`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EVALUATION_ACKNOWLEDGED');
    const disputed = await raise(w.lead.token, evaluation.id, [why('B5')]);
    expect(disputed.status).toBe(409);
    expect(disputed.body.code).toBe('EVALUATION_ACKNOWLEDGED');
    expect((await t.as(w.inspector.token).get(`/api/evaluations/${evaluation.id}/dispute`)).body.acknowledgement.by).toBe(w.lead.username);
  });
});

describe('raising a dispute: refused with a code', () => {
  it.each([
    ['after the window (submitted 8 days ago)', 409, 'DISPUTE_WINDOW_CLOSED', 'window', leadToken],
    ['on a calibration evaluation', 409, 'DISPUTE_CALIBRATION', 'calibration', leadToken],
    ['twice', 409, 'DISPUTE_EXISTS', 'twice', leadToken],
    ['by the lead of another team', 403, 'SCOPE_DENIED', 'plain', () => w.otherLead.token],
    ['by the inspector', 403, 'PERMISSION_DENIED', 'plain', () => w.inspector.token],
    ['by a supervisor', 403, 'PERMISSION_DENIED', 'plain', () => w.supervisor.token],
  ] as const)('%s → %i %s', async (_title, status, code, kind, token) => {
    const evaluation = await submitted(['A7'], { source: kind === 'calibration' ? 'calibration' : 'daily' });
    if (kind === 'window') await sql(`UPDATE evaluations SET "submittedAt" = now() - interval '8 days' WHERE id = $1`, [evaluation.id]);
    if (kind === 'twice') expect((await raise(w.lead.token, evaluation.id, [why('A7')])).status).toBe(201);
    const res = await raise(token(), evaluation.id, [why('A7')]);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    if (kind !== 'twice') expect((await t.as(w.supervisor.token).get(`/api/evaluations/${evaluation.id}/dispute`)).body.dispute).toBeNull();
  });

  it('opens the window again when the project widens it, and closes it when the window is over', async () => {
    const evaluation = await submitted(['A8']);
    await sql(`UPDATE evaluations SET "submittedAt" = now() - interval '8 days' WHERE id = $1`, [evaluation.id]);
    const state = (await t.as(w.lead.token).get(`/api/evaluations/${evaluation.id}/dispute`)).body;
    expect(state).toMatchObject({ open: false, windowDays: 7 });
    expect((await t.as(t.adminToken).put(`/api/projects/${w.project.id}/dispute-window`).send({ days: 10 })).status).toBe(200);
    try {
      expect((await t.as(w.lead.token).get(`/api/evaluations/${evaluation.id}/dispute`)).body).toMatchObject({ open: true, windowDays: 10 });
      expect((await raise(w.lead.token, evaluation.id, [why('A8')])).status).toBe(201);
    } finally {
      await t.as(t.adminToken).put(`/api/projects/${w.project.id}/dispute-window`).send({ days: 7 });
    }
  });

  it.each([
    ['no items', [], 'items'],
    ['an unknown item', [why('NOPE')], 'items[0].code'],
    ['an item that passed', [why('A4')], 'items[0].code'],
    ['the same item twice', [why('A7'), why('A7')], 'items[1].code'],
    ['no reason', [{ code: 'A7', reason: '' }], 'items.0.reason'],
  ])('answers 400 naming the field for %s, storing nothing', async (_title, items, field) => {
    const evaluation = await submitted(['A7']);
    const res = await raise(w.lead.token, evaluation.id, items as { code: string; reason: string }[]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.errors)).toContain(field);
    expect((await sql(`SELECT count(*)::int AS n FROM disputes WHERE "evaluationId" = $1`, [evaluation.id]))[0].n).toBe(0);
  });
});

describe('the steps after raising: refused with a code', () => {
  /** A fresh dispute of B1 and B2, brought to the state given. */
  async function disputeAt(state: 'awaiting_inspector' | 'answered' | 'escalated' | 'ruled') {
    const evaluation = await submitted(['B1', 'B2']);
    const id = (await raise(w.lead.token, evaluation.id, [why('B1'), why('B2')])).body.id as string;
    if (state === 'awaiting_inspector') return id;
    await answer(w.inspector.token, id, [
      { code: 'B1', decision: 'accept' },
      { code: 'B2', decision: 'reject', reason: '维持' },
    ]);
    if (state === 'answered') return id;
    await escalate(w.lead.token, id);
    if (state === 'escalated') return id;
    await rule(w.supervisor.token, id, [{ code: 'B2', ruling: 'reject', reason: '维持' }]);
    return id;
  }
  const bothAnswered = [
    { code: 'B1', decision: 'accept' },
    { code: 'B2', decision: 'reject', reason: '维持' },
  ];
  const ruling = [{ code: 'B2', ruling: 'uphold', reason: '成立' }];

  it.each([
    ['answer by another inspector', 403, 'DISPUTE_NOT_YOURS', 'awaiting_inspector', (id: string) => answer(w.inspector2.token, id, bothAnswered)],
    ['answer by the lead', 403, 'PERMISSION_DENIED', 'awaiting_inspector', (id: string) => answer(w.lead.token, id, bothAnswered)],
    ['answer twice', 409, 'DISPUTE_STATE', 'answered', (id: string) => answer(w.inspector.token, id, bothAnswered)],
    ['escalate before the answer', 409, 'DISPUTE_STATE', 'awaiting_inspector', (id: string) => escalate(w.lead.token, id)],
    ['escalate twice', 409, 'DISPUTE_STATE', 'escalated', (id: string) => escalate(w.lead.token, id)],
    ['escalate by the lead of another team', 403, 'SCOPE_DENIED', 'answered', (id: string) => escalate(w.otherLead.token, id)],
    ['escalate by the inspector', 403, 'PERMISSION_DENIED', 'answered', (id: string) => escalate(w.inspector.token, id)],
    ['rule before the escalation', 409, 'DISPUTE_STATE', 'answered', (id: string) => rule(w.supervisor.token, id, ruling)],
    ['rule twice', 409, 'DISPUTE_STATE', 'ruled', (id: string) => rule(w.supervisor.token, id, ruling)],
    ['rule by the inspector', 403, 'PERMISSION_DENIED', 'escalated', (id: string) => rule(w.inspector.token, id, ruling)],
    ['rule by a supervisor of another project', 403, 'SCOPE_DENIED', 'escalated', (id: string) => rule(w.elsewhere.token, id, ruling)],
  ] as const)('%s → %i %s, changing nothing', async (_title, status, code, state, step) => {
    const id = await disputeAt(state);
    const before = (await t.as(w.supervisor.token).get(`/api/disputes/${id}`)).body;
    const sent = await step(id);
    expect(sent.status).toBe(status);
    expect(sent.body.code).toBe(code);
    expect((await t.as(w.supervisor.token).get(`/api/disputes/${id}`)).body).toEqual(before);
  });

  it.each([
    ['an answer missing an item', (id: string) => answer(w.inspector.token, id, [{ code: 'B1', decision: 'accept' }]), 'items'],
    [
      'an answer rejecting without a reason',
      (id: string) =>
        answer(w.inspector.token, id, [
          { code: 'B1', decision: 'accept' },
          { code: 'B2', decision: 'reject' },
        ]),
      'items[1].reason',
    ],
    ['an answer on an item not disputed', (id: string) => answer(w.inspector.token, id, [...bothAnswered, { code: 'A4', decision: 'accept' }]), 'items[2].code'],
    ['an unknown decision', (id: string) => answer(w.inspector.token, id, [{ code: 'B1', decision: 'maybe' }]), 'items.0.decision'],
  ] as const)('answers 400 for %s, changing nothing', async (_title, step, field) => {
    const id = await disputeAt('awaiting_inspector');
    const sent = await step(id);
    expect(sent.status).toBe(400);
    expect(JSON.stringify(sent.body.errors)).toContain(field);
    expect((await t.as(w.supervisor.token).get(`/api/disputes/${id}`)).body.status).toBe('awaiting_inspector');
  });

  it('answers 400 for a ruling on an item that was not escalated, or leaving one out', async () => {
    const id = await disputeAt('escalated');
    const accepted = await rule(w.supervisor.token, id, [...ruling, { code: 'B1', ruling: 'uphold', reason: '成立' }]);
    expect(accepted.status).toBe(400);
    expect(JSON.stringify(accepted.body.errors)).toContain('notInDispute');
    const none = await rule(w.supervisor.token, id, [{ code: 'B2', ruling: 'uphold', reason: '' }]);
    expect(none.status).toBe(400);
    expect((await t.as(w.supervisor.token).get(`/api/disputes/${id}`)).body.status).toBe('escalated');
  });
});

describe('GET /api/disputes and /api/disputes/:id: each role its own', () => {
  it('gives an inspector the disputes of his own evaluations, a lead his teams’, a supervisor his projects’', async () => {
    const evaluation = await submitted(['CLOSING']);
    const id = (await raise(w.lead.token, evaluation.id, [why('CLOSING')])).body.id;
    const ids = async (token: string, query = '') => (await t.as(token).get(`/api/disputes${query}`)).body.items?.map((d: { id: string }) => d.id);
    expect(await ids(w.inspector.token)).toContain(id);
    expect(await ids(w.inspector.token, '?status=awaiting_inspector')).toContain(id);
    expect(await ids(w.inspector.token, '?status=ruled')).not.toContain(id);
    expect(await ids(w.inspector2.token)).not.toContain(id);
    expect(await ids(w.lead.token)).toContain(id);
    expect(await ids(w.otherLead.token)).not.toContain(id);
    expect(await ids(w.supervisor.token, `?inspector=${w.inspector.username}&team=${w.team.code}`)).toContain(id);
    expect(await ids(w.elsewhere.token)).not.toContain(id);

    expect((await t.as(w.inspector.token).get(`/api/disputes/${id}`)).status).toBe(200);
    expect((await t.as(w.inspector2.token).get(`/api/disputes/${id}`)).body.code).toBe('DISPUTE_NOT_YOURS');
    expect((await t.as(w.otherLead.token).get(`/api/disputes/${id}`)).status).toBe(403);
    expect((await t.as(w.elsewhere.token).get(`/api/disputes/${id}`)).status).toBe(403);
    expect((await t.as(w.supervisor.token).get('/api/disputes/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it.each([
    ['an unknown status', '/api/disputes?status=maybe', 'status'],
    ['an impossible date', '/api/disputes?from=2026-02-30', 'from'],
    ['a summary without a period', '/api/disputes/summary?from=2026-10-01', 'to'],
    ['a summary from after to', '/api/disputes/summary?from=2026-10-02&to=2026-10-01', 'from'],
  ])('answers 400 naming the field for %s', async (_title, url, field) => {
    const res = await t.as(w.supervisor.token).get(url);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });
});

describe('PUT /api/projects/:id/dispute-window', () => {
  it.each([
    ['0 days', { days: 0 }, 400],
    ['91 days', { days: 91 }, 400],
    ['a fraction', { days: 1.5 }, 400],
    ['text', { days: 'seven' }, 400],
  ])('answers 400 for %s', async (_title, body, status) => {
    const res = await t.as(w.supervisor.token).put(`/api/projects/${w.project.id}/dispute-window`).send(body);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('lets the project’s supervisor set it, not an inspector, a lead or a supervisor of another project', async () => {
    expect((await t.as(w.inspector.token).put(`/api/projects/${w.project.id}/dispute-window`).send({ days: 9 })).status).toBe(403);
    expect((await t.as(w.lead.token).put(`/api/projects/${w.project.id}/dispute-window`).send({ days: 9 })).status).toBe(403);
    expect((await t.as(w.elsewhere.token).put(`/api/projects/${w.project.id}/dispute-window`).send({ days: 9 })).status).toBe(403);
    const res = await t.as(w.supervisor.token).put(`/api/projects/${w.project.id}/dispute-window`).send({ days: 7 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: w.project.code, disputeWindowDays: 7 });
  });
});

describe('numbers written in reasons', () => {
  it('are masked for the inspector and the lead as in comments, and kept for the supervisor', async () => {
    const evaluation = await submitted(['A5']);
    const id = (await raise(w.lead.token, evaluation.id, [{ code: 'A5', reason: '客户来电 13812345678 时已道歉' }])).body.id;
    for (const token of [w.inspector.token, w.lead.token]) {
      const body = JSON.stringify((await t.as(token).get(`/api/disputes/${id}`)).body);
      expect(body).not.toContain('13812345678');
      expect(body).toContain('5678');
    }
    expect(JSON.stringify((await t.as(w.supervisor.token).get(`/api/disputes/${id}`)).body)).toContain('13812345678');
  });
});

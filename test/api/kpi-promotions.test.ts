import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let b: ReturnType<typeof builders>;
type U = { token: string; username: string };
let project: { code: string };
let team: { code: string };
let u: Record<'lead' | 'supervisor' | 'deputy' | 'manager' | 'director' | 'bystander' | 'outsider' | 'inspector', U>;

beforeAll(async () => {
  t = await startTestApp();
  b = builders(t);
  project = await b.project();
  team = await b.team(project.code);
  const other = await b.project();
  const sup = () => b.user({ roles: ['supervisor'], projects: [project.code] });
  const [lead, supervisor, deputy, manager, director, bystander, outsider, inspector] = await Promise.all([
    b.user({ roles: ['team_lead'], teams: [team.code] }),
    sup(),
    sup(),
    sup(),
    sup(),
    sup(),
    b.user({ roles: ['supervisor'], projects: [other.code] }),
    b.user({ roles: ['inspector'], projects: [project.code] }),
  ]);
  u = { lead, supervisor, deputy, manager, director, bystander, outsider, inspector };
});
afterAll(() => t?.close());

const chain = () => ({ supervisor: u.supervisor.username, deputyManager: u.deputy.username, manager: u.manager.username, director: u.director.username });
const apply = (token: string, body: Record<string, unknown>) => t.as(token).post('/api/kpi/promotions').send(body);
const approve = (token: string, id: string, comment?: string) =>
  t
    .as(token)
    .post(`/api/kpi/promotions/${id}/approve`)
    .send(comment ? { comment } : {});
const agentGrade = async (id: string) => (await t.as(t.adminToken).get(`/api/agents/${id}`)).body.grade as string;

describe('promotion applications approved in turn (seed 2.2–2.3)', () => {
  let agent: { id: string; employeeNo: string };
  let id: string;
  beforeAll(async () => {
    agent = await b.agent(team.code, { grade: 'intern', hiredAt: '2026-03-01' });
  });

  it('lets a team lead apply for his agent, naming the four approvers: 201 pending at the supervisor step', async () => {
    const res = await apply(u.lead.token, { agent: agent.employeeNo, toGrade: 'C', quarter: '2026-Q3', reason: '季度 KPI 达到 C 级', approvers: chain() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      agent: agent.employeeNo,
      fromGrade: 'intern',
      toGrade: 'C',
      status: 'pending',
      currentStep: 'supervisor',
      approvers: chain(),
      decisions: [],
    });
    id = res.body.id;
    const again = await apply(u.lead.token, { agent: agent.employeeNo, toGrade: 'B', quarter: '2026-Q3', approvers: chain() });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('PROMOTION_STATE');
  });

  it('refuses out of turn (409), by someone not named (403), by the wrong role (403)', async () => {
    const early = await approve(u.manager.token, id);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'PROMOTION_OUT_OF_TURN', params: { step: 'supervisor' } });
    const bystander = await approve(u.bystander.token, id);
    expect(bystander.status).toBe(403);
    expect(bystander.body.code).toBe('PROMOTION_NOT_APPROVER');
    expect((await approve(u.outsider.token, id)).status).toBe(403);
    const lead = await approve(u.lead.token, id);
    expect(lead.status).toBe(403);
    expect(lead.body.code).toBe('PERMISSION_DENIED');
  });

  it('takes each step in turn, and refuses the same approver twice (409)', async () => {
    const first = await approve(u.supervisor.token, id, '同意');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'pending',
      currentStep: 'deputyManager',
      decisions: [{ step: 'supervisor', by: u.supervisor.username, action: 'approve', comment: '同意' }],
    });
    const twice = await approve(u.supervisor.token, id);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'PROMOTION_ALREADY_DECIDED', params: { step: 'supervisor' } });
    expect((await approve(u.deputy.token, id)).body.currentStep).toBe('manager');
    expect((await approve(u.manager.token, id)).body.currentStep).toBe('director');
    const mine = await t.as(u.director.token).get('/api/kpi/promotions?mine=true');
    expect(mine.body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await t.as(u.manager.token).get('/api/kpi/promotions?mine=true')).body.items).toEqual([]);
  });

  it('needs the passed probation exam on the last approval of a promotion to C (409 EXAM_REQUIRED), then changes the grade from today, kept in the history', async () => {
    const missing = await approve(u.director.token, id);
    expect(missing.status).toBe(409);
    expect(missing.body).toMatchObject({ code: 'EXAM_REQUIRED', params: { kind: 'probation' } });
    expect(await agentGrade(agent.id)).toBe('intern');

    const exam = (body: Record<string, unknown>, token = u.supervisor.token) =>
      t
        .as(token)
        .post('/api/kpi/exams')
        .send({ agent: agent.employeeNo, ...body });
    expect((await exam({ kind: 'probation', date: '2026-09-20', score: 55, passed: false })).status).toBe(201);
    expect((await approve(u.director.token, id)).body.code).toBe('EXAM_REQUIRED');
    expect((await exam({ kind: 'probation', date: '2026-09-28', score: 88, passed: true })).status).toBe(201);
    expect((await exam({ kind: 'probation', date: '2026-09-28', score: 88, passed: true }, u.lead.token)).status).toBe(403);
    expect((await exam({ kind: 'final', date: '2026-09-28', score: 88, passed: true })).status).toBe(400);
    expect((await exam({ kind: 'probation', date: '2026-02-30', score: 88, passed: true })).status).toBe(400);

    const done = await approve(u.director.token, id, '批准');
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ status: 'approved', currentStep: null, effectiveOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(done.body.decisions.map((d: { step: string }) => d.step)).toEqual(['supervisor', 'deputyManager', 'manager', 'director']);
    expect(await agentGrade(agent.id)).toBe('C');
    const history = await t.as(u.lead.token).get(`/api/kpi/grade-history?agent=${agent.employeeNo}`);
    expect(history.body.items).toEqual([
      { agent: agent.employeeNo, fromGrade: 'intern', toGrade: 'C', effectiveOn: done.body.effectiveOn, promotionId: id, changedBy: u.director.username },
    ]);
    const exams = await t.as(u.lead.token).get(`/api/kpi/exams?agent=${agent.employeeNo}`);
    expect(exams.body.items.map((e: { passed: boolean }) => e.passed)).toEqual([false, true]);

    const after = await approve(u.director.token, id);
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ code: 'PROMOTION_STATE', params: { status: 'approved' } });
  });

  it('ends at a rejection, kept with its comment; no later step may approve', async () => {
    const other = await b.agent(team.code, { grade: 'B' });
    const p = (await apply(u.supervisor.token, { agent: other.employeeNo, toGrade: 'A', quarter: '2026-Q3', approvers: chain() })).body;
    expect((await approve(u.supervisor.token, p.id)).status).toBe(201);
    const rejected = await t.as(u.deputy.token).post(`/api/kpi/promotions/${p.id}/reject`).send({ comment: 'CPH 不稳定' });
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      currentStep: null,
      decisions: [{ action: 'approve' }, { step: 'deputyManager', action: 'reject', comment: 'CPH 不稳定' }],
    });
    expect((await approve(u.manager.token, p.id)).body.code).toBe('PROMOTION_STATE');
    expect(await agentGrade(other.id)).toBe('B');
  });
});

describe('applying', () => {
  it.each([
    ['a grade not above the agent’s', { toGrade: 'C' }, 'toGrade'],
    ['an unknown grade', { toGrade: 'S' }, 'toGrade'],
    ['a bad quarter', { quarter: '2026-Q9' }, 'quarter'],
    ['an unknown approver', { approvers: { ...{}, manager: 'nobody-here' } }, 'approvers.manager'],
    ['an approver who may not approve', { approvers: { director: 'LEAD' } }, 'approvers.director'],
    ['the same approver twice', { approvers: { director: 'SUPERVISOR' } }, 'approvers.director'],
    ['an approver who does not see the agent’s team', { approvers: { deputyManager: 'OUTSIDER' } }, 'approvers.deputyManager'],
    ['a missing step', { approvers: { manager: undefined } }, 'manager'],
  ])('answers 400 naming the field for %s', async (_title, spoil, field) => {
    const agent = await b.agent(team.code, { grade: 'C' });
    const approvers: Record<string, unknown> = { ...chain(), ...((spoil as { approvers?: object }).approvers ?? {}) };
    for (const [k, v] of Object.entries(approvers)) if (v === 'LEAD') approvers[k] = u.lead.username;
    for (const [k, v] of Object.entries(approvers)) if (v === 'SUPERVISOR') approvers[k] = u.supervisor.username;
    for (const [k, v] of Object.entries(approvers)) if (v === 'OUTSIDER') approvers[k] = u.outsider.username;
    const res = await apply(u.lead.token, { agent: agent.employeeNo, toGrade: 'B', quarter: '2026-Q3', ...spoil, approvers });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
  });

  it('is for team leads of the agent and supervisors: inspectors and other teams are refused (403)', async () => {
    const agent = await b.agent(team.code, { grade: 'C' });
    const body = { agent: agent.employeeNo, toGrade: 'B', quarter: '2026-Q3', approvers: chain() };
    expect((await apply(u.inspector.token, body)).status).toBe(403);
    expect((await apply(u.outsider.token, body)).status).toBe(403);
  });
});

describe('GET /api/kpi/promotions/notifications: the home page’s notices', () => {
  const notices = async (user: U) => {
    const res = await t.as(user.token).get('/api/kpi/promotions/notifications');
    expect(res.status).toBe(200);
    return res.body as { awaiting: { id: string; currentStep: string }[]; decided: { id: string; status: string }[]; days: number };
  };
  const ids = (items: { id: string }[]) => items.map((i) => i.id);

  it('tells each approver when the application waits for his step, and who applied and who approved when it is decided', async () => {
    const agent = await b.agent(team.code, { grade: 'B', hiredAt: '2020-01-01' });
    const applied = await apply(u.lead.token, { agent: agent.employeeNo, toGrade: 'A', quarter: '2026-Q3', approvers: chain() });
    expect(applied.status).toBe(201);
    const id = applied.body.id as string;
    const rejectedAgent = await b.agent(team.code, { grade: 'B', hiredAt: '2020-01-01' });
    const rejected = (await apply(u.lead.token, { agent: rejectedAgent.employeeNo, toGrade: 'A', quarter: '2026-Q3', approvers: chain() })).body.id as string;

    // Each step in turn: only the approver whose turn it is has it waiting.
    const steps: [U, string][] = [
      [u.supervisor, 'supervisor'],
      [u.deputy, 'deputyManager'],
      [u.manager, 'manager'],
      [u.director, 'director'],
    ];
    for (const [k, [approver, step]] of steps.entries()) {
      for (const [other] of steps.filter((_, j) => j !== k)) expect(ids((await notices(other)).awaiting)).not.toContain(id);
      const mine = (await notices(approver)).awaiting.find((p) => p.id === id);
      expect(mine?.currentStep).toBe(step);
      expect((await approve(approver.token, id)).status).toBe(201);
    }
    expect((await t.as(u.supervisor.token).post(`/api/kpi/promotions/${rejected}/reject`).send({ comment: '成功率不稳定' })).status).toBe(201);

    const lead = await notices(u.lead);
    expect(lead.days).toBe(14);
    expect(lead.awaiting).toEqual([]);
    expect(lead.decided.filter((p) => [id, rejected].includes(p.id)).map((p) => [p.id, p.status])).toEqual([
      [rejected, 'rejected'],
      [id, 'approved'],
    ]);
    expect(ids((await notices(u.director)).decided)).toContain(id);
    // Named on neither and applied for neither: nothing to tell.
    expect(ids((await notices(u.bystander)).decided)).not.toContain(id);
    expect(ids((await notices(u.outsider)).decided)).toEqual([]);
  });

  it('is for those who read the review: inspectors are refused (403)', async () => {
    expect((await t.as(u.inspector.token).get('/api/kpi/promotions/notifications')).status).toBe(403);
  });
});

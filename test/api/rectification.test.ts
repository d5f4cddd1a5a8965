import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let seq = 0;
const call = toneWav(31); // long enough for the sampling plan's default minimum (30 s)
const DEADLINE = '2099-12-31';

/** A call of the agent on the day, long enough to be sampled. */
async function ingest(agent: string, day: string) {
  const res = await t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', call, 'c.wav')
    .field(
      'metadata',
      JSON.stringify({ externalId: `rn-${Date.now()}-${++seq}`, agent, startedAt: `${day}T09:${String(seq % 60).padStart(2, '0')}:00+08:00`, direction: 'inbound' }),
    );
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
}

/** A submitted evaluation of one of the agent's calls failing GREETING, with the inspector's comment and moment. */
async function failedEvaluation(token: string, employeeNo: string) {
  const recordingId = await recordingFor(t, employeeNo);
  const items = (await allItems(t, { GREETING: 'fail' })).map((i: { code: string }) => (i.code === 'GREETING' ? { ...i, comment: '开头没有说您好', at: 2.5 } : i));
  const res = await t.as(token).post('/api/evaluations').send({ recordingId, source: 'daily', items });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as string;
}

type Built = Awaited<ReturnType<typeof setUp>>;
let w: Built;

async function setUp() {
  const b = builders(t);
  const project = await b.project({ name: '华东话务中心' });
  const team = await b.team(project.code, { name: '投诉一组' });
  const otherTeam = await b.team(project.code);
  const agent = await b.agent(team.code, { hiredAt: '2020-01-01', grade: 'A' });
  const other = await b.project();
  const [inspector, supervisor, lead, otherLead, outsider] = await Promise.all([
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    b.user({ roles: ['team_lead'], teams: [team.code] }),
    b.user({ roles: ['team_lead'], teams: [otherTeam.code] }),
    b.user({ roles: ['inspector'], projects: [other.code] }),
  ]);
  const otherAgent = await b.agent(otherTeam.code, { hiredAt: '2020-01-01', grade: 'A' });
  const evidence = await failedEvaluation(inspector.token, agent.employeeNo);
  const otherEvidence = await failedEvaluation(inspector.token, otherAgent.employeeNo);
  return { project, team, otherTeam, agent, otherAgent, inspector, supervisor, lead, otherLead, outsider, evidence, otherEvidence };
}

beforeAll(async () => {
  t = await startTestApp();
  w = await setUp();
});
afterAll(() => t?.close());

const issue = (token: string, body: Record<string, unknown>) => t.as(token).post('/api/rectification-notices').send(body);
const valid = () => ({ team: w.team.code, codes: ['GREETING'], actions: '全组复训开头问候语，班长每日抽听', deadline: DEADLINE, evaluations: [w.evidence] });

describe('POST /api/rectification-notices', () => {
  it('lets an inspector of the project issue a notice: 201 issued, with its first step kept', async () => {
    const res = await issue(w.inspector.token, { ...valid(), recheckFrom: '2026-12-01' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      status: 'issued',
      team: w.team.code,
      codes: ['GREETING'],
      evaluations: [w.evidence],
      deadline: DEADLINE,
      recheckFrom: '2026-12-01',
      revision: 1,
      issuedBy: w.inspector.username,
    });
    expect(res.body.history).toEqual([expect.objectContaining({ action: 'issue', from: null, to: 'issued', by: w.inspector.username })]);
  });

  it('lets a supervisor issue one, re-checking by default from the day after', async () => {
    const res = await issue(w.supervisor.token, { ...valid(), evaluations: undefined });
    expect(res.status).toBe(201);
    expect(res.body.recheckFrom > res.body.issuedAt.slice(0, 10) || res.body.recheckFrom === res.body.issuedAt.slice(0, 10)).toBe(true);
    expect(Date.parse(res.body.recheckFrom) - Date.parse(res.body.issuedAt.slice(0, 10))).toBeGreaterThan(0);
  });

  it('refuses team leads (403) and inspectors of another project (403)', async () => {
    expect((await issue(w.lead.token, valid())).status).toBe(403);
    expect((await issue(w.outsider.token, valid())).status).toBe(403);
  });

  it.each([
    ['an unknown team', { team: 'NO-SUCH-TEAM' }, 'team'],
    ['an unknown code', { codes: ['GREETING', 'NOPE'] }, 'codes'],
    ['no codes', { codes: [] }, 'codes'],
    ['codes missing', { codes: undefined }, 'codes'],
    ['no actions', { actions: '' }, 'actions'],
    ['a bad deadline', { deadline: '2026-13-01' }, 'deadline'],
    ['a bad recheckFrom', { recheckFrom: 'tomorrow' }, 'recheckFrom'],
    ['an evaluation of another team', { evaluations: [undefined] }, 'evaluations'],
    ['an evaluation that does not exist', { evaluations: ['00000000-0000-4000-8000-000000000000'] }, 'evaluations'],
    ['an evaluation id that is no id', { evaluations: ['x'] }, 'evaluations'],
  ])('answers 400 naming the field for %s', async (_title, spoil, field) => {
    const body = { ...valid(), ...spoil } as Record<string, unknown>;
    if (Array.isArray(body.evaluations) && body.evaluations[0] === undefined) body.evaluations = [w.otherEvidence];
    const res = await issue(w.inspector.token, body);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
  });
});

describe('reading notices', () => {
  let id: string;
  beforeAll(async () => {
    id = (await issue(w.inspector.token, valid())).body.id;
  });

  it("answers a notice with its status to the team's lead, and 403 to another team's lead", async () => {
    const res = await t.as(w.lead.token).get(`/api/rectification-notices/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'issued', team: w.team.code });
    expect((await t.as(w.otherLead.token).get(`/api/rectification-notices/${id}`)).status).toBe(403);
    expect((await t.as(w.outsider.token).get(`/api/rectification-notices/${id}`)).status).toBe(403);
  });

  it('answers 404 for an unknown id and 400 for one that is no id', async () => {
    expect((await t.as(w.inspector.token).get('/api/rectification-notices/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.as(w.inspector.token).get('/api/rectification-notices/nope')).status).toBe(400);
  });

  it("lists a team lead his teams' notices only", async () => {
    const mine = await t.as(w.lead.token).get('/api/rectification-notices');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((n: { id: string }) => n.id)).toContain(id);
    expect(mine.body.items.every((n: { team: string }) => n.team === w.team.code)).toBe(true);
    expect(mine.body.total).toBe(mine.body.items.length);
    const theirs = await t.as(w.otherLead.token).get('/api/rectification-notices');
    expect(theirs.body.items.map((n: { id: string }) => n.id)).not.toContain(id);
    expect((await t.as(w.outsider.token).get('/api/rectification-notices')).body.items).toEqual([]);
    expect((await t.as(w.otherLead.token).get(`/api/rectification-notices?team=${w.team.code}`)).status).toBe(403);
  });
});

describe('a notice’s life', () => {
  it('goes issued → acknowledged (with the action plan) → re-checking → closed, each step with who and when', async () => {
    const { id } = (await issue(w.inspector.token, valid())).body;
    // The inspector may not acknowledge, nor the lead of another team.
    expect((await t.as(w.inspector.token).post(`/api/rectification-notices/${id}/acknowledge`).send({ actionPlan: '复训' })).status).toBe(403);
    expect((await t.as(w.otherLead.token).post(`/api/rectification-notices/${id}/acknowledge`).send({ actionPlan: '复训' })).status).toBe(403);
    const noPlan = await t.as(w.lead.token).post(`/api/rectification-notices/${id}/acknowledge`).send({});
    expect(noPlan.status).toBe(400);
    expect(noPlan.body.message).toContain('actionPlan');
    // Closing before re-checking is refused with a code.
    const early = await t.as(w.inspector.token).post(`/api/rectification-notices/${id}/close`).send({});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('RECTIFICATION_STATE');

    const ack = await t.as(w.lead.token).post(`/api/rectification-notices/${id}/acknowledge`).send({ actionPlan: '每日班前会演练问候语', revision: 1 });
    expect(ack.status).toBe(201);
    expect(ack.body).toMatchObject({ status: 'acknowledged', actionPlan: '每日班前会演练问候语', revision: 2 });
    const again = await t.as(w.lead.token).post(`/api/rectification-notices/${id}/acknowledge`).send({ actionPlan: '再来' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'RECTIFICATION_STATE', params: { status: 'acknowledged', action: 'acknowledge' } });

    // Two people at once: the one holding the old revision is refused.
    const stale = await t.as(w.supervisor.token).post(`/api/rectification-notices/${id}/recheck`).send({ revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_REVISION');
    expect((await t.as(w.supervisor.token).post(`/api/rectification-notices/${id}/recheck`).send({ revision: 2 })).body.status).toBe('re-checking');
    expect((await t.as(w.lead.token).post(`/api/rectification-notices/${id}/close`).send({})).status).toBe(403);
    const closed = await t.as(w.inspector.token).post(`/api/rectification-notices/${id}/close`).send({ note: '复检通过' });
    expect(closed.body.status).toBe('closed');
    expect(closed.body.history.map((s: { action: string; to: string; by: string }) => [s.action, s.to, s.by])).toEqual([
      ['issue', 'issued', w.inspector.username],
      ['acknowledge', 'acknowledged', w.lead.username],
      ['recheck', 're-checking', w.supervisor.username],
      ['close', 'closed', w.inspector.username],
    ]);
    for (const s of closed.body.history) expect(Number.isNaN(Date.parse(s.at))).toBe(false);

    const late = await t.as(w.lead.token).post(`/api/rectification-notices/${id}/acknowledge`).send({ actionPlan: '补交' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'RECTIFICATION_STATE', params: { status: 'closed', action: 'acknowledge' } });
    expect((await t.as(w.supervisor.token).post(`/api/rectification-notices/${id}/escalate`).send({})).status).toBe(409);
  });

  it('lets only one of two simultaneous acknowledgements through', async () => {
    const { id } = (await issue(w.inspector.token, valid())).body;
    const both = await Promise.all(
      [w.lead, w.supervisor].map((u) => t.as(u.token).post(`/api/rectification-notices/${id}/acknowledge`).send({ actionPlan: u.username, revision: 1 })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const read = await t.as(w.lead.token).get(`/api/rectification-notices/${id}`);
    expect(read.body.history.filter((s: { action: string }) => s.action === 'acknowledge')).toHaveLength(1);
  });

  it('escalates to the supervisor', async () => {
    const { id } = (await issue(w.inspector.token, valid())).body;
    const res = await t.as(w.supervisor.token).post(`/api/rectification-notices/${id}/escalate`).send({ note: '到期未改' });
    expect(res.body.status).toBe('escalated');
  });
});

describe('GET /api/rectification-notices/:id/pdf', () => {
  it('prints the notice as an A4 PDF with a subset of the Chinese font', async () => {
    const { id } = (await issue(w.inspector.token, valid())).body;
    const res = await t
      .as(w.lead.token)
      .get(`/api/rectification-notices/${id}/pdf`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/); // an embedded subset, not the 10 MB font
    expect(text).toContain('/FontFile2');
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/); // A4
    expect(pdf.length).toBeLessThan(500_000);
    expect((await t.as(w.otherLead.token).get(`/api/rectification-notices/${id}/pdf`)).status).toBe(403);
  });
});

describe('re-sampling the team of an open notice', () => {
  type Run = { assignments: { agent: string; reason: string }[] };
  const reasonsOf = (run: Run, agent: string) =>
    run.assignments
      .filter((a) => a.agent === agent)
      .map((a) => a.reason)
      .sort();
  const sample = async (project: string, date: string) => {
    const res = await t.as(t.adminToken).post('/api/sampling/runs').send({ project, date });
    expect(res.status).toBe(201);
    return res.body as Run;
  };

  /** A project of its own: team A's two agents with 4 calls a day and one with 2 (none left after the plan), team B's agent with 4. */
  async function world(days: string[]) {
    const b = builders(t);
    const project = await b.project();
    const teamA = await b.team(project.code);
    const teamB = await b.team(project.code);
    const veteran = { hiredAt: '2020-01-01', grade: 'A' };
    const [a1, a2, few, b1] = [
      await b.agent(teamA.code, veteran),
      await b.agent(teamA.code, veteran),
      await b.agent(teamA.code, veteran),
      await b.agent(teamB.code, veteran),
    ];
    const [inspector, lead] = await Promise.all([b.user({ roles: ['inspector'], projects: [project.code] }), b.user({ roles: ['team_lead'], teams: [teamA.code] })]);
    for (const day of days) {
      for (const a of [a1, a2, b1]) for (let i = 0; i < 4; i++) await ingest(a.employeeNo, day);
      for (let i = 0; i < 2; i++) await ingest(few.employeeNo, day);
    }
    return { project, teamA, teamB, a1, a2, few, b1, inspector, lead };
  }

  it('adds exactly one call with reason rectification for each agent of the team with calls left, from recheckFrom on', async () => {
    const x = await world(['2026-11-10', '2026-11-11']);
    const notice = (await issue(x.inspector.token, { team: x.teamA.code, codes: ['GREETING'], actions: '复训', deadline: DEADLINE, recheckFrom: '2026-11-11' })).body;
    await t.as(x.lead.token).post(`/api/rectification-notices/${notice.id}/acknowledge`).send({ actionPlan: '班前会演练' }).expect(201);

    const before = await sample(x.project.code, '2026-11-10'); // before recheckFrom: the plan alone
    for (const a of [x.a1, x.a2, x.few, x.b1]) expect(reasonsOf(before, a.employeeNo)).toEqual(['random', 'random']);

    const during = await sample(x.project.code, '2026-11-11');
    expect(reasonsOf(during, x.a1.employeeNo)).toEqual(['random', 'random', 'rectification']);
    expect(reasonsOf(during, x.a2.employeeNo)).toEqual(['random', 'random', 'rectification']);
    expect(reasonsOf(during, x.few.employeeNo)).toEqual(['random', 'random']); // no calls left that day
    expect(reasonsOf(during, x.b1.employeeNo)).toEqual(['random', 'random']); // another team

    // The run began the re-check: a step taken by no one.
    const read = (await t.as(x.lead.token).get(`/api/rectification-notices/${notice.id}`)).body;
    expect(read.status).toBe('re-checking');
    expect(read.history.at(-1)).toMatchObject({ action: 'recheck', from: 'acknowledged', to: 're-checking', by: null });
  });

  it('adds none for a closed notice, and keeps adding for an escalated one', async () => {
    const x = await world(['2026-11-12']);
    const closed = (await issue(x.inspector.token, { team: x.teamA.code, codes: ['GREETING'], actions: '复训', deadline: DEADLINE, recheckFrom: '2026-11-01' })).body;
    await t.as(t.adminToken).post(`/api/rectification-notices/${closed.id}/recheck`).send({}).expect(201);
    await t.as(t.adminToken).post(`/api/rectification-notices/${closed.id}/close`).send({}).expect(201);
    const run = await sample(x.project.code, '2026-11-12');
    expect(run.assignments.filter((a) => a.reason === 'rectification')).toEqual([]);

    const y = await world(['2026-11-12']);
    // Its deadline passed: the run escalates it to the supervisor, and it still re-checks (it is not closed).
    const overdue = (await issue(y.inspector.token, { team: y.teamA.code, codes: ['GREETING'], actions: '复训', deadline: '2026-11-05', recheckFrom: '2026-11-01' }))
      .body;
    const later = await sample(y.project.code, '2026-11-12');
    expect(reasonsOf(later, y.a1.employeeNo)).toEqual(['random', 'random', 'rectification']);
    const read = (await t.as(t.adminToken).get(`/api/rectification-notices/${overdue.id}`)).body;
    expect(read.status).toBe('escalated');
    expect(read.history.at(-1)).toMatchObject({ action: 'escalate', to: 'escalated', by: null });
  });
});

describe('failure rates before and since re-checking (Wilson 95 %)', () => {
  it('says not enough calls yet, then improved once the intervals no longer overlap', async () => {
    const b = builders(t);
    const team = await b.team(w.project.code);
    const agent = await b.agent(team.code);
    const local = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
    const today = local(new Date());
    const yesterday = local(new Date(Date.now() - 86_400_000));
    const evaluate = async (day: string, verdict: 'pass' | 'fail', hour: string) => {
      const recordingId = await recordingFor(t, agent.employeeNo, { startedAt: `${day}T${hour}+08:00` });
      const res = await t
        .as(w.inspector.token)
        .post('/api/evaluations')
        .send({ recordingId, source: 'daily', items: await allItems(t, { GREETING: verdict }) });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body.id as string;
    };
    const before: string[] = [];
    for (let i = 0; i < 12; i++) before.push(await evaluate(yesterday, i < 10 ? 'fail' : 'pass', `10:${String(i).padStart(2, '0')}:00`));
    const { id } = (
      await issue(w.inspector.token, {
        team: team.code,
        codes: ['GREETING', 'CLOSING'],
        actions: '复训',
        deadline: DEADLINE,
        recheckFrom: today,
        evaluations: before.slice(0, 2),
      })
    ).body;
    const first = (await t.as(w.inspector.token).get(`/api/rectification-notices/${id}`)).body;
    expect(first.failureRates[0]).toMatchObject({
      code: 'GREETING',
      before: { calls: 12, failures: 10, rate: 0.8333 },
      since: { calls: 0, failures: 0, rate: null },
      verdict: 'not-enough-calls',
    });
    expect(first.failureRates[1]).toMatchObject({ code: 'CLOSING', before: { calls: 12, failures: 0 }, verdict: 'not-enough-calls' });

    for (let i = 0; i < 12; i++) await evaluate(today, 'pass', `00:00:${String(i).padStart(2, '0')}`);
    const later = (await t.as(w.inspector.token).get(`/api/rectification-notices/${id}`)).body;
    const greeting = later.failureRates[0];
    expect(greeting.since).toMatchObject({ calls: 12, failures: 0, rate: 0 });
    expect(greeting.since.high).toBeLessThan(greeting.before.low);
    expect(greeting.verdict).toBe('improved');
    // CLOSING never failed: 0 % before and after, the intervals overlap.
    expect(later.failureRates[1].verdict).toBe('no-change');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { TextEncoderGb } from '../support/gb18030.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let b: ReturnType<typeof builders>;
const Q = '2026-Q3';

type Verdicts = Record<string, 'pass' | 'fail' | 'na'>;
type Row = { agent: string; date: string; calls: number; hours: number; successes: number };

/**
 * Item verdicts scoring exactly the score wanted on the default checklist (110 points): CONFIRM
 * (10) N/A leaves 100 possible, so failing 5 points scores 95; with A5 (5) N/A too, 95 possible,
 * just below each threshold (90/95 = 94.7, 85/95 = 89.5, 80/95 = 84.2, 70/95 = 73.7).
 */
const SCORES: Record<string, Verdicts> = {
  '100': { CONFIRM: 'na' },
  '95': { CONFIRM: 'na', GREETING: 'fail' },
  '94.7': { CONFIRM: 'na', A5: 'na', GREETING: 'fail' },
  '90': { CONFIRM: 'na', GREETING: 'fail', COURTESY: 'fail' },
  '89.5': { CONFIRM: 'na', A5: 'na', GREETING: 'fail', COURTESY: 'fail' },
  '85': { CONFIRM: 'na', GREETING: 'fail', COURTESY: 'fail', CLOSING: 'fail' },
  '84.2': { CONFIRM: 'na', A5: 'na', GREETING: 'fail', COURTESY: 'fail', CLOSING: 'fail' },
  '75': { CONFIRM: 'na', GREETING: 'fail', COURTESY: 'fail', CLOSING: 'fail', A7: 'fail', A8: 'fail' },
  '73.7': { CONFIRM: 'na', A5: 'na', GREETING: 'fail', COURTESY: 'fail', CLOSING: 'fail', A7: 'fail', A8: 'fail' },
  fatal: { CONFIRM: 'na', FORBIDDEN: 'fail' },
};

/** A submitted evaluation of a fresh call of the agent, scoring `score`. */
async function evaluated(agent: string, score: keyof typeof SCORES, over: { startedAt?: string; source?: string } = {}) {
  const recordingId = await recordingFor(t, agent, { startedAt: over.startedAt ?? '2026-08-10T10:00:00+08:00' });
  const res = await t
    .as(t.adminToken)
    .post('/api/evaluations')
    .send({ recordingId, source: over.source ?? 'daily', items: await allItems(t, SCORES[score]) });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  if (score !== 'fatal') expect(res.body.score).toBe(Number(score));
  return res.body.id as string;
}

const put = (rows: unknown[], token = t.adminToken) => t.as(token).put('/api/kpi/operational').send({ rows });

/** The quarter's figures as five days of July: calls, hours and successes in total, remainders on the first day. */
function quarterRows(agent: string, calls: number, hours: number, successes: number): Row[] {
  const days = 5;
  return Array.from({ length: days }, (_, k) => {
    const share = (total: number) => Math.floor(total / days) + (k === 0 ? total % days : 0);
    return {
      agent,
      date: `2026-07-0${k + 1}`,
      calls: share(calls),
      hours: k === 0 ? hours - (days - 1) * Math.floor(hours / days) : Math.floor(hours / days),
      successes: share(successes),
    };
  });
}

async function stored(rows: unknown[]) {
  const res = await put(rows);
  if (res.status !== 200) throw new Error(JSON.stringify(res.body));
}

const grades = (token: string, query: string) => t.as(token).get(`/api/kpi/grades?${query}`);

async function review(project: string, token = t.adminToken, quarter = Q) {
  const res = await grades(token, `quarter=${quarter}&project=${project}`);
  expect(res.status).toBe(200);
  return res.body as { quarter: string; items: Record<string, unknown>[]; gradeTable: { version: number; grades: unknown[] } };
}

let project: { code: string };
let team: { code: string };
let otherTeam: { code: string };
let otherProject: { code: string };
let users: Record<'supervisor' | 'lead' | 'inspector' | 'outsider' | 'otherLead', { token: string }>;

beforeAll(async () => {
  t = await startTestApp();
  b = builders(t);
  project = await b.project();
  team = await b.team(project.code);
  otherTeam = await b.team(project.code);
  otherProject = await b.project();
  await b.team(otherProject.code);
  const [supervisor, lead, inspector, outsider, otherLead] = await Promise.all([
    b.user({ roles: ['supervisor'], projects: [project.code] }),
    b.user({ roles: ['team_lead'], teams: [team.code] }),
    b.user({ roles: ['inspector'], projects: [project.code] }),
    b.user({ roles: ['supervisor'], projects: [otherProject.code] }),
    b.user({ roles: ['team_lead'], teams: [otherTeam.code] }),
  ]);
  users = { supervisor, lead, inspector, outsider, otherLead };
});
afterAll(() => t?.close());

describe('GET /api/kpi/grades: the grade rule at every threshold (CONTRACT.md "KPI grading")', () => {
  // Each grade's thresholds exactly, then each of its three figures just below while the others hold.
  const GRADES = [
    { grade: 'intern', kpi: '75', below: '73.7', cph: 11, rate: 0.52, lower: null },
    { grade: 'C', kpi: '85', below: '84.2', cph: 13, rate: 0.58, lower: 'intern' },
    { grade: 'B', kpi: '90', below: '89.5', cph: 15, rate: 0.6, lower: 'C' },
    { grade: 'A', kpi: '95', below: '94.7', cph: 17, rate: 0.65, lower: 'B' },
  ] as const;
  const cases = GRADES.flatMap((g) => [
    { title: `${g.grade}: exactly KPI ${g.kpi}, CPH ${g.cph}, success ${g.rate * 100} %`, g, score: g.kpi, hours: 100, lessSuccess: 0, eligible: g.grade },
    { title: `${g.grade}: KPI ${g.below} just below ${g.kpi}`, g, score: g.below, hours: 100, lessSuccess: 0, eligible: g.lower },
    { title: `${g.grade}: CPH just below ${g.cph}`, g, score: g.kpi, hours: 100.5, lessSuccess: 0, eligible: g.lower },
    { title: `${g.grade}: success rate just below ${g.rate * 100} %`, g, score: g.kpi, hours: 100, lessSuccess: 1, eligible: g.lower },
  ]);
  const agents = new Map<string, string>();
  let items: Map<string, Record<string, unknown>>;

  beforeAll(async () => {
    const boundaries = await b.team(project.code);
    for (const c of cases) {
      const agent = await b.agent(boundaries.code, { grade: 'C' });
      agents.set(c.title, agent.employeeNo);
      await evaluated(agent.employeeNo, c.score);
      // calls = CPH × 100 so that 100 hours give the CPH exactly and the success rate falls on whole calls.
      const calls = c.g.cph * 100;
      await stored(quarterRows(agent.employeeNo, calls, c.hours, Math.round(calls * c.g.rate) - c.lessSuccess));
    }
    items = new Map((await review(project.code)).items.map((i) => [i.agent as string, i]));
  });

  it.each(cases.map((c) => [c.title, c] as const))('%s', (_title, c) => {
    const item = items.get(agents.get(c.title)!)!;
    expect(item).toMatchObject({ grade: 'C', qaScore: Number(c.score), kpiScore: Number(c.score), eligible: c.eligible });
    const calls = c.g.cph * 100;
    expect(item.cph).toBeCloseTo(calls / c.hours, 9);
    expect(item.successRate).toBeCloseTo((Math.round(calls * c.g.rate) - c.lessSuccess) / calls, 9);
    const rank = ['intern', 'C', 'B', 'A'];
    const move = c.eligible === null ? 'belowIntern' : rank.indexOf(c.eligible) > 1 ? 'promote' : rank.indexOf(c.eligible) < 1 ? 'demote' : 'keep';
    expect(item.move).toBe(move);
  });

  it('answers exactly the contract fields first, for the project asked', async () => {
    const body = await review(project.code);
    expect(body.quarter).toBe(Q);
    const item = body.items.find((i) => i.agent === agents.get(cases[0].title))!;
    for (const field of ['agent', 'grade', 'qaScore', 'kpiScore', 'cph', 'successRate', 'eligible']) expect(item).toHaveProperty(field);
    expect(body.gradeTable.version).toBe(0);
  });
});

describe('missing figures', () => {
  it('gives null QA and KPI scores and no eligible grade to an agent without evaluations, however good his figures', async () => {
    const agent = await b.agent(team.code);
    await stored(quarterRows(agent.employeeNo, 2000, 100, 1500));
    const item = (await review(project.code)).items.find((i) => i.agent === agent.employeeNo)!;
    expect(item).toMatchObject({ qaScore: null, kpiScore: null, cph: 20, successRate: 0.75, eligible: null, move: null, evaluations: 0 });
  });

  it('gives null CPH and success rate and no eligible grade without operational figures', async () => {
    const agent = await b.agent(team.code);
    await evaluated(agent.employeeNo, '100');
    const item = (await review(project.code)).items.find((i) => i.agent === agent.employeeNo)!;
    expect(item).toMatchObject({ qaScore: 100, cph: null, successRate: null, eligible: null, move: null, calls: 0 });
  });

  it('gives a null CPH when no hours were logged, and a null success rate without calls', async () => {
    const noHours = await b.agent(team.code);
    const noCalls = await b.agent(team.code);
    await evaluated(noHours.employeeNo, '100');
    await evaluated(noCalls.employeeNo, '100');
    await stored([
      { agent: noHours.employeeNo, date: '2026-08-01', calls: 10, hours: 0, successes: 5 },
      { agent: noCalls.employeeNo, date: '2026-08-01', calls: 0, hours: 8, successes: 0 },
    ]);
    const items = (await review(project.code)).items;
    expect(items.find((i) => i.agent === noHours.employeeNo)).toMatchObject({ cph: null, successRate: 0.5, eligible: null });
    expect(items.find((i) => i.agent === noCalls.employeeNo)).toMatchObject({ cph: 0, successRate: null, eligible: null });
  });
});

describe('the QA score', () => {
  it('is the mean of the quarter’s submitted evaluations by local call date, fatal ones 0, calibration and other quarters left out', async () => {
    const agent = await b.agent(team.code);
    await evaluated(agent.employeeNo, '100');
    await evaluated(agent.employeeNo, 'fatal');
    // 00:30 on 1 July in the centre's time zone, still 30 June in UTC: a call of Q3.
    await evaluated(agent.employeeNo, '90', { startedAt: '2026-06-30T16:30:00Z' });
    // 00:30 on 1 October locally: Q4, left out.
    await evaluated(agent.employeeNo, '75', { startedAt: '2026-09-30T16:30:00Z' });
    await evaluated(agent.employeeNo, '75', { source: 'calibration' });
    const item = (await review(project.code)).items.find((i) => i.agent === agent.employeeNo)!;
    expect(item.qaScore).toBeCloseTo((100 + 0 + 90) / 3, 9);
    expect(item.evaluations).toBe(3);
    const q4 = (await review(project.code, t.adminToken, '2026-Q4')).items.find((i) => i.agent === agent.employeeNo)!;
    expect(q4.qaScore).toBe(75);
  });

  it('comes with its 95 % interval, and says "not enough evidence" when the interval straddles the deciding threshold', async () => {
    const sure = await b.agent(team.code, { grade: 'B' });
    const unsure = await b.agent(team.code, { grade: 'B' });
    for (const s of ['100', '100', '100', '100', '95'] as const) await evaluated(sure.employeeNo, s);
    for (const s of ['100', '85'] as const) await evaluated(unsure.employeeNo, s);
    for (const a of [sure, unsure]) await stored(quarterRows(a.employeeNo, 1700, 100, 1105));
    const items = (await review(project.code)).items;
    const s = items.find((i) => i.agent === sure.employeeNo)!;
    const u = items.find((i) => i.agent === unsure.employeeNo)!;
    expect(s).toMatchObject({ qaScore: 99, eligible: 'A', move: 'promote', decidingThreshold: 95, notEnoughEvidence: false });
    expect(s.qaLow as number).toBeGreaterThan(95);
    expect(u).toMatchObject({ qaScore: 92.5, eligible: 'B', decidingThreshold: 90, notEnoughEvidence: true });
    expect(u.qaLow as number).toBeLessThan(90);
    expect(u.qaHigh as number).toBeGreaterThanOrEqual(90);
  });
});

describe('PUT /api/kpi/operational', () => {
  it('stores each agent-day and replaces it when pushed again: 200 {upserted}', async () => {
    const agent = await b.agent(team.code);
    const first = await put([
      { agent: agent.employeeNo, date: '2026-09-01', calls: 100, hours: 8, successes: 60 },
      { agent: agent.employeeNo, date: '2026-09-02', calls: 120, hours: 8, successes: 70 },
    ]);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ upserted: 2 });
    const again = await put([{ agent: agent.employeeNo, date: '2026-09-01', calls: 40, hours: 4, successes: 10 }]);
    expect(again.body).toEqual({ upserted: 1 });
    const item = (await review(project.code)).items.find((i) => i.agent === agent.employeeNo)!;
    expect(item).toMatchObject({ calls: 160, hours: 12, successes: 80, days: 2 });
    expect(item.cph).toBeCloseTo(160 / 12, 9);
    expect(item.successRate).toBe(0.5);
  });

  it('lets a supervisor of the project push figures, and refuses inspectors and team leads (403)', async () => {
    const agent = await b.agent(team.code);
    const row = { agent: agent.employeeNo, date: '2026-09-03', calls: 10, hours: 1, successes: 5 };
    expect((await put([row], users.supervisor.token)).status).toBe(200);
    expect((await put([row], users.inspector.token)).status).toBe(403);
    expect((await put([row], users.lead.token)).status).toBe(403);
    expect((await t.anonymous.put('/api/kpi/operational').send({ rows: [row] })).status).toBe(401);
  });

  const BAD: [string, Record<string, unknown>, string][] = [
    ['an unknown agent', { agent: 'NO-SUCH-AGENT' }, 'agent'],
    ['a negative figure', { calls: -1 }, 'calls'],
    ['negative hours', { hours: -0.5 }, 'hours'],
    ['a non-numeric figure', { calls: 'many' }, 'calls'],
    ['a figure written as text', { successes: '3' }, 'successes'],
    ['a fraction of a call', { calls: 10.5 }, 'calls'],
    ['more successes than calls', { calls: 10, successes: 11 }, 'successes'],
    ['an impossible date', { date: '2026-02-30' }, 'date'],
    ['a date in another form', { date: '2026/09/01' }, 'date'],
    ['a missing figure', { hours: undefined }, 'hours'],
    ['more than 24 hours in a day', { hours: 25 }, 'hours'],
    ['an unknown field', { extra: 1 }, 'extra'],
  ];
  it.each(BAD)('answers 400 naming the index for %s, and stores nothing of the request', async (_title, spoil, field) => {
    const agent = await b.agent(team.code);
    const good = { agent: agent.employeeNo, date: '2026-09-05', calls: 50, hours: 5, successes: 20 };
    const res = await put([good, good && { ...good, date: '2026-09-06' }, { ...good, date: '2026-09-07', ...spoil }]);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(`rows[2].${field}`);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: `rows[2].${field}` })]);
    const item = (await review(project.code)).items.find((i) => i.agent === agent.employeeNo)!;
    expect(item).toMatchObject({ calls: 0, days: 0 });
  });

  it('names every bad row, and a second row for the same agent and date as repeating the first', async () => {
    const agent = await b.agent(team.code);
    const good = { agent: agent.employeeNo, date: '2026-09-05', calls: 50, hours: 5, successes: 20 };
    const res = await put([good, { ...good, calls: -3 }, { ...good }, 'not a row']);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['rows[1].calls', 'rows[2]', 'rows[3]']);
    expect(res.body.message).toContain('rows[1].calls');
  });

  it('refuses an agent outside the caller’s projects as a bad row (400 naming its index)', async () => {
    const outside = await b.agent((await b.team(otherProject.code)).code);
    const mine = await b.agent(team.code);
    const res = await put(
      [
        { agent: mine.employeeNo, date: '2026-09-05', calls: 5, hours: 1, successes: 1 },
        { agent: outside.employeeNo, date: '2026-09-05', calls: 5, hours: 1, successes: 1 },
      ],
      users.supervisor.token,
    );
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('rows[1].agent');
    expect((await review(project.code)).items.find((i) => i.agent === mine.employeeNo)).toMatchObject({ calls: 0 });
  });

  it('answers 400 for a body without rows', async () => {
    expect((await t.as(t.adminToken).put('/api/kpi/operational').send({})).status).toBe(400);
    expect((await t.as(t.adminToken).put('/api/kpi/operational').send({ rows: 'x' })).status).toBe(400);
  });
});

describe('who reads the review', () => {
  let mine: string;
  let others: string;
  beforeAll(async () => {
    mine = (await b.agent(team.code)).employeeNo;
    others = (await b.agent(otherTeam.code)).employeeNo;
  });

  it('shows a team lead his own teams’ agents only', async () => {
    const agents = (await review(project.code, users.lead.token)).items.map((i) => i.agent);
    expect(agents).toContain(mine);
    expect(agents).not.toContain(others);
    expect((await review(project.code, users.otherLead.token)).items.map((i) => i.agent)).toEqual([others]);
  });

  it('shows a supervisor of the project all its agents, and refuses one of another project (403) and inspectors (403)', async () => {
    const agents = (await review(project.code, users.supervisor.token)).items.map((i) => i.agent);
    expect(agents).toEqual(expect.arrayContaining([mine, others]));
    expect((await grades(users.outsider.token, `quarter=${Q}&project=${project.code}`)).status).toBe(403);
    expect((await grades(users.inspector.token, `quarter=${Q}&project=${project.code}`)).status).toBe(403);
  });

  it.each([['2026-Q5'], ['2026Q1'], ['2026-q1'], ['Q3-2026'], ['']])('answers 400 for the quarter "%s"', async (quarter) => {
    const res = await grades(t.adminToken, `quarter=${quarter}&project=${project.code}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('quarter');
  });

  it('answers 400 without a project, and for an unknown one', async () => {
    expect((await grades(t.adminToken, `quarter=${Q}`)).status).toBe(400);
    const res = await grades(t.adminToken, `quarter=${Q}&project=NO-SUCH`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('project');
  });

  it('exports the review as XLSX to a supervisor, and asks a team lead for approval (403)', async () => {
    const res = await grades(users.supervisor.token, `quarter=${Q}&project=${project.code}&format=xlsx`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const lead = await grades(users.lead.token, `quarter=${Q}&project=${project.code}&format=xlsx`);
    expect(lead.status).toBe(403);
    expect(lead.body.code).toBe('EXPORT_NEEDS_APPROVAL');
  });
});

describe('the grade table', () => {
  it('is the seed’s by default, and a supervisor sets another for a coming quarter only', async () => {
    const seed = await t.as(users.supervisor.token).get('/api/kpi/grade-tables');
    expect(seed.status).toBe(200);
    expect(seed.body.items.at(-1)).toMatchObject({ version: 0, grades: expect.arrayContaining([{ grade: 'A', minKpiScore: 95, minCph: 17, minSuccessRate: 0.65 }]) });
    const grades = [
      { grade: 'intern', minKpiScore: 70, minCph: 10, minSuccessRate: 0.5 },
      { grade: 'C', minKpiScore: 80, minCph: 12, minSuccessRate: 0.55 },
      { grade: 'B', minKpiScore: 88, minCph: 14, minSuccessRate: 0.6 },
      { grade: 'A', minKpiScore: 94, minCph: 16, minSuccessRate: 0.64 },
    ];
    const past = await t.as(users.supervisor.token).post('/api/kpi/grade-tables').send({ fromQuarter: Q, grades });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('fromQuarter');
    expect((await t.as(users.lead.token).post('/api/kpi/grade-tables').send({ fromQuarter: '2099-Q1', grades })).status).toBe(403);
    const set = await t.as(users.supervisor.token).post('/api/kpi/grade-tables').send({ fromQuarter: '2099-Q1', grades });
    expect(set.status).toBe(201);
    expect(set.body).toMatchObject({ fromQuarter: '2099-Q1', grades });
    expect((await review(project.code, t.adminToken, '2099-Q3')).gradeTable).toMatchObject({ fromQuarter: '2099-Q1', grades });
    expect((await review(project.code, t.adminToken, '2098-Q4')).gradeTable.version).toBe(0);
    expect((await review(project.code)).gradeTable.version).toBe(0);
  });
});

describe('POST /api/kpi/operational/import: the same rows from a sheet', () => {
  const upload = (bytes: Buffer, name = 'ops.csv', token = t.adminToken) => t.as(token).post('/api/kpi/operational/import').attach('file', bytes, { filename: name });
  const figuresOf = async (agent: string) => (await review(project.code)).items.find((i) => i.agent === agent)!;

  it('reads a UTF-8 CSV with Chinese headings, and replaces what it had', async () => {
    const agent = (await b.agent(team.code)).employeeNo;
    const csv = `工号,日期,话务量,在线时长,成功量\n${agent},2026-08-03,100,8,60\n${agent},2026/8/4,120,7.5,70\n`;
    const res = await upload(Buffer.from(csv, 'utf8'));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ upserted: 2 });
    expect(await figuresOf(agent)).toMatchObject({ calls: 220, hours: 15.5, successes: 130, days: 2 });
    await upload(Buffer.from(`工号,日期,话务量,在线时长,成功量\n${agent},2026-08-03,10,1,5\n`, 'utf8')).expect(201);
    expect(await figuresOf(agent)).toMatchObject({ calls: 130, hours: 8.5, successes: 75 });
  });

  it('reads a GB18030 CSV as Excel on a Chinese Windows saves it', async () => {
    const agent = (await b.agent(team.code)).employeeNo;
    const res = await upload(new TextEncoderGb().encode(`工号,日期,话务量,在线时长,成功量\n${agent},2026年8月5日,90,6,45\n`));
    expect(res.status).toBe(201);
    expect(await figuresOf(agent)).toMatchObject({ calls: 90, hours: 6, successes: 45 });
  });

  it('reads an XLSX workbook, dates as dates and figures as numbers', async () => {
    const agent = (await b.agent(team.code)).employeeNo;
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('话务');
    sheet.addRow(['座席工号', '日期', '接通量', '登录时长', '成功数']);
    sheet.addRow([agent, new Date(Date.UTC(2026, 7, 6)), 80, 5, 40]);
    sheet.addRow([agent, '2026-08-07', '60', '4', '30']);
    const res = await upload(Buffer.from(await book.xlsx.writeBuffer()), 'ops.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ upserted: 2 });
    expect(await figuresOf(agent)).toMatchObject({ calls: 140, hours: 9, successes: 70, days: 2 });
  });

  it('refuses the whole sheet when a row is bad, naming each problem by line: 400 IMPORT_ROWS_INVALID, nothing stored', async () => {
    const agent = (await b.agent(team.code)).employeeNo;
    const csv = [
      '工号,日期,话务量,在线时长,成功量',
      `${agent},2026-08-08,100,8,60`,
      `NO-SUCH,2026-08-08,100,8,60`,
      `${agent},2026-02-30,100,8,60`,
      `${agent},2026-08-09,-5,8,0`,
      `${agent},2026-08-10,10,8,11`,
      `${agent},2026-08-11,十,8,1`,
      `${agent},2026-08-08,1,1,1`,
    ].join('\n');
    const res = await upload(Buffer.from(csv, 'utf8'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMPORT_ROWS_INVALID');
    expect(res.body.message).toContain('line 3');
    expect(res.body.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`)).toEqual([
      '3:agent',
      '4:date',
      '5:calls',
      '6:successes',
      '7:calls',
      '8:agent',
    ]);
    expect(await figuresOf(agent)).toMatchObject({ calls: 0, days: 0 });
  });

  it('names the missing columns, refuses an empty file, and is for who may push figures only', async () => {
    const missing = await upload(Buffer.from('工号,日期,话务量\nE1,2026-08-01,3\n', 'utf8'));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({ line: 1, code: 'missingColumns', params: { columns: ['hours', 'successes'] } });
    expect((await t.as(t.adminToken).post('/api/kpi/operational/import')).status).toBe(400);
    expect((await upload(Buffer.from('工号,日期,话务量,在线时长,成功量\n', 'utf8'))).body.errors[0].code).toBe('emptySheet');
    expect((await upload(Buffer.from('x', 'utf8'), 'ops.csv', users.lead.token)).status).toBe(403);
  });
});

describe('not enough evidence: more calls of the agent for grading', () => {
  let seq = 0;
  /** A call long enough for the sampling plan's default minimum (30 s). */
  const longCall = async (agent: string, startedAt: string) => {
    const res = await t
      .as(t.adminToken)
      .post('/api/recordings')
      .attach('audio', toneWav(31), 'c.wav')
      .field('metadata', JSON.stringify({ externalId: `kpi-${Date.now()}-${++seq}`, agent, startedAt, direction: 'inbound' }));
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };

  it('adds one more call of the agent with reason "grading" to each daily sampling run of the days asked', async () => {
    const own = await b.project();
    const ownTeam = await b.team(own.code);
    const [asked, other] = [await b.agent(ownTeam.code, { hiredAt: '2020-01-01', grade: 'A' }), await b.agent(ownTeam.code, { hiredAt: '2020-01-01', grade: 'A' })];
    const [supervisor, lead, outsiderLead] = await Promise.all([
      b.user({ roles: ['supervisor'], projects: [own.code] }),
      b.user({ roles: ['team_lead'], teams: [ownTeam.code] }),
      b.user({ roles: ['team_lead'], teams: [team.code] }),
      b.user({ roles: ['inspector'], projects: [own.code] }),
    ]);
    const days = ['2026-11-16', '2026-11-17', '2026-11-18'];
    for (const day of days) for (const a of [asked, other]) for (let i = 0; i < 4; i++) await longCall(a.employeeNo, `${day}T1${i}:00:00+08:00`);
    const res = await t.as(lead.token).post('/api/kpi/grading-requests').send({ agent: asked.employeeNo, from: '2026-11-17', days: 1 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ agent: asked.employeeNo, from: '2026-11-17', to: '2026-11-17', requestedBy: lead.username });
    expect((await t.as(outsiderLead.token).post('/api/kpi/grading-requests').send({ agent: asked.employeeNo })).status).toBe(403);
    expect((await t.as(users.inspector.token).post('/api/kpi/grading-requests').send({ agent: asked.employeeNo })).status).toBe(403);
    expect((await t.as(lead.token).post('/api/kpi/grading-requests').send({ agent: 'NO-SUCH' })).status).toBe(400);

    const run = async (date: string) => {
      const res = await t.as(supervisor.token).post('/api/sampling/runs').send({ project: own.code, date });
      expect(res.status).toBe(201);
      const assignments = res.body.assignments as { agent: string; reason: string }[];
      return (agent: string) => assignments.filter((a) => a.agent === agent && a.reason === 'grading').length;
    };
    const before = await run('2026-11-16');
    expect([before(asked.employeeNo), before(other.employeeNo)]).toEqual([0, 0]);
    const during = await run('2026-11-17');
    expect([during(asked.employeeNo), during(other.employeeNo)]).toEqual([1, 0]);
    const after = await run('2026-11-18');
    expect([after(asked.employeeNo), after(other.employeeNo)]).toEqual([0, 0]);
  });

  it('shows on the review until when calls are asked for', async () => {
    const agent = (await b.agent(team.code)).employeeNo;
    expect((await review(project.code)).items.find((i) => i.agent === agent)!.callsRequestedUntil).toBeNull();
    const res = await t.as(users.supervisor.token).post('/api/kpi/grading-requests').send({ agent, days: 3 });
    expect(res.status).toBe(201);
    expect((await review(project.code)).items.find((i) => i.agent === agent)!.callsRequestedUntil).toBe(res.body.to);
  });
});

import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisReportsService } from '#server/analysis-reports/analysis-reports.service.js';
import { builders, twoProjects } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 12 "Reports": daily, weekly and monthly analysis reports (seed 11.9, 11.1, 7.9), made by the
 * schedule and on demand, downloaded as XLSX, published to the teams (11.10) and read by team leads.
 */

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
/** Team 1 (agents x, y) and team 2 (agent z) of project A, with a lead of team 1 only. */
let fx: {
  t1: string;
  t2: string;
  x: string;
  y: string;
  z: string;
  lead1: { token: string; username: string };
  s1: number;
  s4: number;
  fatalId: string;
  overdueId: string;
};

type Verdicts = Record<string, 'pass' | 'fail' | 'na'>;

async function evaluate(agent: string, day: string, verdicts: Verdicts, source = 'daily', token = world.a.inspector.token) {
  const recordingId = await recordingFor(t, agent, { startedAt: `${day}T10:00:00+08:00` });
  const res = await t
    .as(token)
    .post('/api/evaluations')
    .send({ recordingId, source, items: await allItems(t, verdicts) });
  expect(res.status).toBe(201);
  return res.body as { id: string; score: number; fatal: boolean };
}

const generate = (kind: string, date: string, project = world.a.project.code, token = world.supervisor.token) =>
  t.as(token).post('/api/analysis-reports').send({ kind, project, date });

beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
  const b = builders(t);
  const t1 = (await b.team(world.a.project.code, { name: '一组' })).code;
  const t2 = (await b.team(world.a.project.code, { name: '二组' })).code;
  const [x, y, z] = [
    (await b.agent(t1, { name: '王一' })).employeeNo,
    (await b.agent(t1, { name: '王二' })).employeeNo,
    (await b.agent(t2, { name: '王三' })).employeeNo,
  ];
  const lead1 = await b.user({ roles: ['team_lead'], teams: [t1] });
  // 2026-10-14 (a Wednesday): x scores once with GREETING failed and once clean; y's call is fatal and fails GREETING too.
  const e1 = await evaluate(x, '2026-10-14', { GREETING: 'fail' });
  const e2 = await evaluate(x, '2026-10-14', {});
  const e3 = await evaluate(y, '2026-10-14', { GREETING: 'fail', FORBIDDEN: 'fail' });
  await evaluate(x, '2026-10-14', { CLOSING: 'fail' }, 'calibration'); // never counted
  // 2026-10-15: z in team 2 fails CLOSING. 2026-10-20 (the next week, same month): y clean.
  const e4 = await evaluate(z, '2026-10-15', { CLOSING: 'fail' });
  await evaluate(y, '2026-10-20', {});
  expect([e2.score, e3.score, e3.fatal]).toEqual([100, 0, true]);
  // Team 1's notices: one past its deadline on the 14th, one not yet.
  const notice = (deadline: string) =>
    t
      .as(world.a.inspector.token)
      .post('/api/rectification-notices')
      .send({ team: t1, codes: ['GREETING'], actions: '每日抽听问候语', deadline, recheckFrom: '2026-10-01' });
  const overdue = await notice('2026-10-13');
  expect(overdue.status).toBe(201);
  expect((await notice('2026-10-30')).status).toBe(201);
  fx = { t1, t2, x, y, z, lead1, s1: e1.score, s4: e4.score, fatalId: e3.id, overdueId: overdue.body.id };
});
afterAll(() => t?.close());

const team = (report: { content: { teams: { team: string }[] } }, code: string) => report.content.teams.find((r) => r.team === code) as Record<string, unknown>;
const agent = (report: { content: { agents: { agent: string }[] } }, no: string) => report.content.agents.find((r) => r.agent === no) as Record<string, unknown>;

describe('POST /api/analysis-reports (on demand)', () => {
  it('makes the daily report: the day’s evaluations, fatal calls, new common problems and notices past their deadline', async () => {
    const res = await generate('daily', '2026-10-14');
    expect(res.status).toBe(201);
    const r = res.body;
    expect(r).toMatchObject({ kind: 'daily', project: world.a.project.code, from: '2026-10-14', to: '2026-10-14', publishedAt: null, read: false });
    // Three evaluations (calibration aside): s1, 100 and a fatal 0.
    expect(r.content.overall.evaluations).toBe(3);
    expect(r.content.overall.averageScore).toBeCloseTo((fx.s1 + 100 + 0) / 3, 6);
    expect(r.content.overall).toMatchObject({ fatal: 1 });
    expect(r.content.overall.fatalRate).toBeCloseTo(1 / 3, 9);
    expect(team(r, fx.t1)).toMatchObject({
      teamName: '一组',
      evaluations: 3,
      fatal: 1,
      coaching: { open: 2, coached: 0, improved: 0, resolved: 0 },
      rectification: { issued: 0, open: 2, overdue: 1 },
    });
    expect(team(r, fx.t2)).toMatchObject({ evaluations: 0, averageScore: null, fatalRate: null });
    expect(agent(r, fx.x)).toMatchObject({ agentName: '王一', evaluations: 2, maxScore: 100, fatal: 0, openCoaching: 1 });
    expect(agent(r, fx.x).minScore).toBeCloseTo(fx.s1, 4);
    expect(agent(r, fx.x).averageScore).toBeCloseTo((fx.s1 + 100) / 2, 6);
    expect(agent(r, fx.y)).toMatchObject({ evaluations: 1, averageScore: 0, fatal: 1, fatalRate: 1 });
    const greeting = r.content.items.find((i: { team: string; code: string }) => i.team === fx.t1 && i.code === 'GREETING');
    expect(greeting).toMatchObject({ evaluated: 3, failures: 2, title: expect.any(String) });
    expect(greeting.title).not.toBe('GREETING');
    expect(r.content.trend).toEqual([expect.objectContaining({ date: '2026-10-14', team: fx.t1, evaluations: 3, fatal: 1 })]);
    expect(r.content.fatalCalls).toEqual([
      expect.objectContaining({ evaluationId: fx.fatalId, agent: fx.y, team: fx.t1, inspector: world.a.inspector.username, codes: ['FORBIDDEN'] }),
    ]);
    // Both agents of team 1 failed GREETING (2 agents, 100 %): a common problem, and none the week before.
    expect(r.content.newCommonProblems).toEqual([{ team: fx.t1, code: 'GREETING', agents: 2, failures: 2 }]);
    expect(r.content.overdueNotices).toEqual([expect.objectContaining({ id: fx.overdueId, team: fx.t1, codes: ['GREETING'], deadline: '2026-10-13' })]);
  });

  it('makes the weekly report of the week (Monday to Sunday) holding the date, per team and agent, with the daily trend', async () => {
    const res = await generate('weekly', '2026-10-16');
    expect(res.status).toBe(201);
    const r = res.body;
    expect(r).toMatchObject({ from: '2026-10-12', to: '2026-10-18' });
    expect(r.content.overall.evaluations).toBe(4);
    expect(r.content.overall.averageScore).toBeCloseTo((fx.s1 + 100 + 0 + fx.s4) / 4, 6);
    expect(team(r, fx.t2)).toMatchObject({ evaluations: 1, fatal: 0, coaching: { open: 1 } });
    expect(team(r, fx.t2).averageScore).toBeCloseTo(fx.s4, 4);
    expect(r.content.trend.map((p: { date: string; team: string }) => `${p.date} ${p.team}`)).toEqual([`2026-10-14 ${fx.t1}`, `2026-10-15 ${fx.t2}`]);
    expect(r.content.fatalCalls).toEqual([]);
    expect(r.content.overdueNotices).toEqual([]);
  });

  it('makes the monthly report with each agent’s roll-up (7.9)', async () => {
    const res = await generate('monthly', '2026-10-01');
    expect(res.status).toBe(201);
    const r = res.body;
    expect(r).toMatchObject({ from: '2026-10-01', to: '2026-10-31' });
    expect(r.content.overall.evaluations).toBe(5);
    expect(agent(r, fx.y)).toMatchObject({ evaluations: 2, averageScore: 50, minScore: 0, maxScore: 100, fatal: 1, fatalRate: 0.5 });
    expect(agent(r, fx.z)).toMatchObject({ team: fx.t2, evaluations: 1, openCoaching: 1 });
    expect(r.content.agents.map((a: { agent: string }) => a.agent).sort()).toEqual([fx.x, fx.y, fx.z].sort());
  });

  it('remakes an unpublished report in place: one row per kind, project and period', async () => {
    const first = await generate('daily', '2026-10-15');
    const again = await generate('daily', '2026-10-15');
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.content.overall.evaluations).toBe(1);
  });

  it.each([
    ['kind', { kind: 'yearly', project: 'P', date: '2026-10-14' }],
    ['project', { kind: 'daily', project: 'NOPE', date: '2026-10-14' }],
    ['date', { kind: 'daily', project: 'P', date: '2026-13-01' }],
    ['date', { kind: 'daily', project: 'P', date: '2999-01-01' }],
  ])('answers 400 naming %s', async (field, body) => {
    const res = await t
      .as(world.supervisor.token)
      .post('/api/analysis-reports')
      .send({ ...body, project: body.project === 'P' ? world.a.project.code : body.project });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('lets only supervisors and admins of the project make reports', async () => {
    expect((await generate('daily', '2026-10-14', world.a.project.code, world.a.inspector.token)).status).toBe(403);
    expect((await generate('daily', '2026-10-14', world.a.project.code, fx.lead1.token)).status).toBe(403);
    const supervisorOfB = await builders(t).user({ roles: ['supervisor'], projects: [world.b.project.code] });
    expect((await generate('daily', '2026-10-14', world.a.project.code, supervisorOfB.token)).status).toBe(403);
  });
});

describe('what a report counts', () => {
  it('counts a call on the centre’s local day (TZ) and an amended evaluation as it now stands', async () => {
    const b = builders(t);
    const team = (await b.team(world.b.project.code)).code;
    const one = (await b.agent(team)).employeeNo;
    const score = async (startedAt: string, verdicts: Verdicts) => {
      const recordingId = await recordingFor(t, one, { startedAt });
      const res = await t
        .as(world.b.inspector.token)
        .post('/api/evaluations')
        .send({ recordingId, source: 'daily', items: await allItems(t, verdicts) });
      expect(res.status).toBe(201);
      return res.body as { id: string; score: number };
    };
    // 23:30 in Shanghai is still the 24th; ten past midnight is the 25th (though both are the 24th in UTC).
    const late = await score('2026-08-24T23:30:00+08:00', { GREETING: 'fail' });
    await score('2026-08-25T00:10:00+08:00', { CLOSING: 'fail' });
    const amended = await t
      .as(world.supervisor.token)
      .post(`/api/evaluations/${late.id}/amend`)
      .send({ reason: '复核后修正', items: [{ code: 'GREETING', verdict: 'pass' }] });
    expect(amended.status).toBe(200);
    expect(amended.body.score).toBe(100);

    const day = async (date: string) => {
      const res = await generate('daily', date, world.b.project.code);
      expect(res.status).toBe(201);
      return res.body;
    };
    const d24 = await day('2026-08-24');
    expect(d24.content.teams.find((r: { team: string }) => r.team === team)).toMatchObject({ evaluations: 1, averageScore: 100, fatal: 0 });
    const items24 = d24.content.items.filter((i: { team: string }) => i.team === team);
    expect(items24.find((i: { code: string }) => i.code === 'GREETING')).toMatchObject({ evaluated: 1, failures: 0 });
    const d25 = await day('2026-08-25');
    expect(d25.content.teams.find((r: { team: string }) => r.team === team)).toMatchObject({ evaluations: 1 });
    expect(d25.content.items.find((i: { team: string; code: string }) => i.team === team && i.code === 'CLOSING')).toMatchObject({ failures: 1 });
  });
});

describe('publishing and reading (11.10)', () => {
  const unread = async (token: string) => {
    const res = await t.as(token).get('/api/analysis-reports/unread');
    expect(res.status).toBe(200);
    return res.body.count as number;
  };

  it('publishes once; the lead then sees his team’s part only, and opening it marks it read', async () => {
    const made = (await generate('monthly', '2026-09-15')).body;
    const id = made.id as string;
    // Unpublished: invisible to the team lead.
    expect((await t.as(fx.lead1.token).get(`/api/analysis-reports/${id}`)).status).toBe(404);
    const before = await unread(fx.lead1.token);
    expect((await t.as(fx.lead1.token).post(`/api/analysis-reports/${id}/publish`)).status).toBe(403);

    const pub = await t.as(world.supervisor.token).post(`/api/analysis-reports/${id}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ publishedBy: world.supervisor.username, publishedAt: expect.any(String) });
    const twice = await t.as(world.supervisor.token).post(`/api/analysis-reports/${id}/publish`);
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'REPORT_PUBLISHED', params: { id } });
    const remake = await generate('monthly', '2026-09-01');
    expect(remake.status).toBe(409);
    expect(remake.body.code).toBe('REPORT_PUBLISHED');

    expect(await unread(fx.lead1.token)).toBe(before + 1);
    const listed = (await t.as(fx.lead1.token).get('/api/analysis-reports?kind=monthly')).body.items.find((r: { id: string }) => r.id === id);
    expect(listed).toMatchObject({ read: false });
    const opened = await t.as(fx.lead1.token).get(`/api/analysis-reports/${id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.read).toBe(true);
    expect(await unread(fx.lead1.token)).toBe(before);
    expect((await t.as(fx.lead1.token).get('/api/analysis-reports?kind=monthly')).body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ read: true });
    // Reading it is his own: the other lead of the project still has it unread.
    expect((await t.as(world.a.lead.token).get('/api/analysis-reports?kind=monthly')).body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ read: false });
  });

  it('limits a published report to the reader’s teams, its overall figures recomputed from them', async () => {
    // A day of its own, so that publishing it freezes no period another test remakes.
    await evaluate(fx.x, '2026-11-04', {});
    await evaluate(fx.z, '2026-11-04', { CLOSING: 'fail' });
    const made = (await generate('daily', '2026-11-04')).body;
    expect(made.content.overall.evaluations).toBe(2);
    expect((await t.as(world.supervisor.token).post(`/api/analysis-reports/${made.id}/publish`)).status).toBe(200);
    const mine = (await t.as(fx.lead1.token).get(`/api/analysis-reports/${made.id}`)).body;
    expect(mine.content.teams.map((r: { team: string }) => r.team)).toEqual([fx.t1]);
    expect(mine.content.agents.map((a: { agent: string }) => a.agent)).toEqual([fx.x]);
    expect(mine.content.trend.every((p: { team: string }) => p.team === fx.t1)).toBe(true);
    expect(mine.content.items.every((p: { team: string }) => p.team === fx.t1)).toBe(true);
    expect(mine.content.overall).toMatchObject({ evaluations: 1, averageScore: 100, fatal: 0 });
    // The workbook he downloads holds the same part only.
    const file = await t
      .as(fx.lead1.token)
      .get(`/api/analysis-reports/${made.id}/xlsx`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ExcelJS.Buffer);
    const agents = book.getWorksheet('座席成绩')!;
    expect(agents.rowCount).toBe(2);
    expect(agents.getRow(2).getCell(2).value).toBe(fx.x);
    // The inspector of the project sees every team; people of project B see nothing of it.
    expect((await t.as(world.a.inspector.token).get(`/api/analysis-reports/${made.id}`)).body.content.teams.length).toBeGreaterThanOrEqual(2);
    expect((await t.as(world.b.lead.token).get(`/api/analysis-reports/${made.id}`)).status).toBe(403);
    expect((await t.as(world.b.inspector.token).get(`/api/analysis-reports/${made.id}/xlsx`)).status).toBe(403);
    const listB = (await t.as(world.b.lead.token).get('/api/analysis-reports')).body.items;
    expect(listB.some((r: { id: string }) => r.id === made.id)).toBe(false);
  });

  it('answers 404 for an unknown report and 400 for a bad id or kind', async () => {
    expect((await t.as(world.supervisor.token).get('/api/analysis-reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.as(world.supervisor.token).get('/api/analysis-reports/nope')).status).toBe(400);
    const bad = await t.as(world.supervisor.token).get('/api/analysis-reports?kind=yearly');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('kind');
    expect((await t.anonymous.get('/api/analysis-reports/unread')).status).toBe(401);
  });
});

describe('GET /api/analysis-reports/:id/xlsx', () => {
  it('writes sheets with Chinese titles, a frozen header and Excel numbers and dates; English on request', async () => {
    const made = (await generate('daily', '2026-10-14')).body;
    const file = async (query = '') => {
      const res = await t
        .as(world.supervisor.token)
        .get(`/api/analysis-reports/${made.id}/xlsx${query}`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as unknown as ExcelJS.Buffer);
      return book;
    };
    const book = await file();
    expect(book.worksheets.map((s) => s.name)).toEqual(['班组概览', '座席成绩', '缺陷项', '趋势', '致命通话', '新增共性问题', '逾期整改']);
    const teams = book.getWorksheet('班组概览')!;
    expect((teams.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['班组', '班组名称', '评分数', '平均分', '致命数', '致命率']);
    expect(teams.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(teams.getRow(2).getCell(1).value).toBe('合计');
    expect(teams.getRow(2).getCell(3).value).toBe(3);
    expect(teams.getRow(2).getCell(4).type).toBe(ExcelJS.ValueType.Number);
    expect(teams.getRow(2).getCell(4).value).toBeCloseTo((fx.s1 + 100) / 3, 4);
    expect(teams.getRow(2).getCell(6).numFmt).toBe('0.0%');
    const t1Row = teams.getRows(3, teams.rowCount - 2)!.find((row) => row.getCell(1).value === fx.t1)!;
    expect(t1Row.getCell(13).value).toBe(1); // overdue notices
    const agents = book.getWorksheet('座席成绩')!;
    expect(agents.rowCount).toBe(3); // header, x and y
    expect(agents.getColumn(3).width).toBeGreaterThanOrEqual(10);
    const trend = book.getWorksheet('趋势')!;
    expect(trend.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect((trend.getRow(2).getCell(1).value as Date).toISOString().slice(0, 10)).toBe('2026-10-14');
    const overdue = book.getWorksheet('逾期整改')!;
    expect(overdue.getRow(2).getCell(3).type).toBe(ExcelJS.ValueType.Date);

    const en = await file('?lang=en');
    expect(en.worksheets[0].name).toBe('Teams');
    expect(en.worksheets[0].getRow(1).getCell(3).value).toBe('Evaluations');
  });
});

describe('the schedule', () => {
  it('registers one pg-boss schedule per kind, on its cron in the centre’s time zone', async () => {
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT name, cron, timezone FROM pgboss.schedule WHERE name LIKE 'analysis-report-%' ORDER BY name`);
      expect(rows).toEqual([
        { name: 'analysis-report-daily', cron: '0 7 * * *', timezone: 'Asia/Shanghai' },
        { name: 'analysis-report-monthly', cron: '0 7 1 * *', timezone: 'Asia/Shanghai' },
        { name: 'analysis-report-weekly', cron: '0 7 * * 1', timezone: 'Asia/Shanghai' },
      ]);
    } finally {
      await client.end();
    }
  });

  it('makes yesterday’s report of every active project when its job runs, once per period however often it runs', async () => {
    const bAgent = world.b.agent.employeeNo;
    const e = await evaluate(bAgent, '2026-09-09', {}, 'daily', world.b.inspector.token);
    const service = t.app.get(AnalysisReportsService);
    const ids = await service.runScheduled('daily', '2026-09-10');
    const again = await service.runScheduled('daily', '2026-09-10');
    expect(again.sort()).toEqual(ids.sort());
    const list = (await t.as(world.supervisor.token).get(`/api/analysis-reports?kind=daily&project=${world.b.project.code}&pageSize=100`)).body;
    const mine = list.items.filter((r: { from: string }) => r.from === '2026-09-09');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ to: '2026-09-09', generatedBy: null, publishedAt: null });
    const report = (await t.as(world.supervisor.token).get(`/api/analysis-reports/${mine[0].id}`)).body;
    expect(report.content.overall).toMatchObject({ evaluations: 1, fatal: 0 });
    expect(report.content.overall.averageScore).toBeCloseTo(e.score, 4);

    // On a Monday the weekly job reports the week before; on the 1st the monthly job the month before.
    const [weekly] = (await service.runScheduled('weekly', '2026-09-14')).filter(Boolean);
    const monthly = await service.runScheduled('monthly', '2026-10-01');
    const w = (await t.as(world.supervisor.token).get(`/api/analysis-reports/${weekly}`)).body;
    expect([w.kind, w.from, w.to]).toEqual(['weekly', '2026-09-07', '2026-09-13']);
    const months = await Promise.all(monthly.map(async (id) => (await t.as(world.supervisor.token).get(`/api/analysis-reports/${id}`)).body));
    const mb = months.find((m) => m.project === world.b.project.code);
    expect(mb).toMatchObject({ kind: 'monthly', from: '2026-09-01', to: '2026-09-30' });
    expect(mb.content.overall.evaluations).toBe(1);
  });
});

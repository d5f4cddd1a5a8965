import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../support/builders.js';
import { TextEncoderGb } from '../support/gb18030.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let team: string;
let project: string;
beforeAll(async () => {
  t = await startTestApp();
  const b = builders(t);
  project = (await b.project()).code;
  team = (await b.team(project)).code;
});
afterAll(() => t?.close());

const upload = (csv: string | Buffer, token = t.adminToken) =>
  t
    .as(token)
    .post('/api/agents/import')
    .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), { filename: 'agents.csv', contentType: 'text/csv' });
const countIn = async (teamCode: string) => (await t.as(t.adminToken).get(`/api/agents?team=${teamCode}&pageSize=500`)).body.total as number;

describe('POST /api/agents/import (an HR sheet)', () => {
  it('imports a sheet with Chinese headings, a BOM and the date forms HR uses', async () => {
    const csv = `\uFEFF工号,姓名,班组,入职日期,级别\nH001,赵一,${team},2024/3/1,实习\nH002,钱二,${team},2023-11-15,C\nH003,孙三,${team},2022.1.5,A\n`;
    const res = await upload(csv);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 3, updated: 0 });
    const agents = await t.as(t.adminToken).get(`/api/agents?team=${team}&q=H00&pageSize=10`);
    expect(agents.body.items.map((a: { employeeNo: string; grade: string; hiredAt: string }) => [a.employeeNo, a.grade, a.hiredAt])).toEqual([
      ['H001', 'intern', '2024-03-01'],
      ['H002', 'C', '2023-11-15'],
      ['H003', 'A', '2022-01-05'],
    ]);
  });

  it('updates agents it already knows (a monthly re-import) and reads a GB18030 sheet', async () => {
    // Last month's sheet, imported first: this test's own team and agents.
    const own = (await builders(t).team(project)).code;
    const [second, third] = [`${own}-2`, `${own}-3`];
    const lastMonth = await upload(`工号,姓名,班组,入职日期,级别\n${second},钱二,${own},2023-11-15,C\n${third},孙三,${own},2022-01-05,A\n`);
    expect(lastMonth.body).toEqual({ created: 2, updated: 0 });
    const gb = new TextEncoderGb().encode(`工号,姓名,班组,入职日期,级别,状态\n${second},钱二,${own},2023-11-15,B,在职\n${third},孙三,${own},2022-01-05,A,离职\n`);
    const res = await upload(gb);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 0, updated: 2 });
    const h3 = await t.as(t.adminToken).get(`/api/agents?q=${third}`);
    expect(h3.body.items[0]).toMatchObject({ name: '孙三', status: 'left' });
  });

  it.each([
    ['a bad date on line 3', `工号,姓名,班组,入职日期,级别\nB001,甲,{team},2024-01-01,C\nB002,乙,{team},2024-13-01,C\n`, 3, '入职日期'],
    ['an unknown grade on line 2', `工号,姓名,班组,入职日期,级别\nB003,丙,{team},2024-01-01,S\n`, 2, '级别'],
    ['an unknown team on line 4', `工号,姓名,班组,入职日期,级别\nB004,丁,{team},2024-01-01,C\nB005,戊,{team},2024-01-01,C\nB006,己,NO-SUCH,2024-01-01,C\n`, 4, 'NO-SUCH'],
    ['an employee number twice', `工号,姓名,班组,入职日期,级别\nB007,庚,{team},2024-01-01,C\nB007,辛,{team},2024-01-01,C\n`, 3, 'repeats line 2'],
    ['an empty name', `employeeNo,name,team,hiredAt,grade\nB008,,{team},2024-01-01,C\n`, 2, 'name'],
    ['a missing column', `工号,姓名,入职日期,级别\nB009,壬,2024-01-01,C\n`, 1, '班组'],
    ['an unclosed quote', `工号,姓名,班组,入职日期,级别\nB010,"癸,{team},2024-01-01,C\n`, undefined, 'CSV'],
  ])('refuses %s with its line number and stores nothing', async (_title, template, line, words) => {
    const before = await countIn(team);
    const res = await upload(template.replaceAll('{team}', team));
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.message).toContain(words);
    if (line !== undefined) expect(res.body.errors.map((e: { line: number }) => e.line)).toContain(line);
    expect(await countIn(team)).toBe(before);
  });

  it('answers 400 without a file', async () => {
    const res = await t.as(t.adminToken).post('/api/agents/import');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('file');
  });

  it('refuses rows of a team outside a supervisor’s project, storing nothing', async () => {
    const b = builders(t);
    const other = await b.project();
    const otherTeam = await b.team(other.code);
    const sup = await b.user({ roles: ['supervisor'], projects: [project] });
    const res = await upload(`工号,姓名,班组,入职日期,级别\nS001,甲,${team},2024-01-01,C\nS002,乙,${otherTeam.code},2024-01-01,C\n`, sup.token);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 3 })]);
    expect((await t.as(t.adminToken).get('/api/agents?q=S00')).body.total).toBe(0);
  });

  it('is refused to an inspector', async () => {
    const insp = await builders(t).user({ roles: ['inspector'], projects: [project] });
    expect((await upload(`工号,姓名,班组,入职日期,级别\n`, insp.token)).status).toBe(403);
  });
});

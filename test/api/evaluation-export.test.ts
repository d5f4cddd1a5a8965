import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders, twoProjects } from '../support/builders.js';
import { allItems, recordingFor } from '../support/evaluations.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 12 "Exports speak the reader's language": the evaluations CSV/XLSX, direct and through an approved request. */

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let team: string;
let score: number;
const DAY = '2026-10-13';

const binary = (req: ReturnType<TestApp['anonymous']['get']>) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

async function workbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return book;
}

const csvLines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);

beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
  const b = builders(t);
  team = (await b.team(world.a.project.code)).code;
  const agent = await b.agent(team, { name: '李四' });
  // 10:30 in Shanghai on DAY.
  const id = await recordingFor(t, agent.employeeNo, { startedAt: `${DAY}T10:30:00+08:00` });
  const res = await t
    .as(world.a.inspector.token)
    .post('/api/evaluations')
    .send({ recordingId: id, source: 'daily', items: await allItems(t, { GREETING: 'fail' }) });
  expect(res.status).toBe(201);
  score = res.body.score;
});
afterAll(() => t?.close());

const url = (extra: string) => `/api/evaluations?from=${DAY}&to=${DAY}&team=${team}${extra}`;

describe('the evaluations export', () => {
  it('titles the CSV columns in Chinese by default, in English for lang=en or an English Accept-Language, and keeps CONTRACT.md’s names with headers=keys', async () => {
    const zh = await t.as(world.supervisor.token).get(url('&format=csv'));
    expect(zh.status).toBe(200);
    const [zhHeader, zhRow] = csvLines(zh.text);
    expect(zhHeader.split(',').slice(0, 11)).toEqual(['评分编号', '录音编号', '工号', '座席姓名', '班组', '质检员', '来源', '标准版本', '得分', '致命', '提交时间']);
    expect(zhHeader).toContain('（GREETING）');
    expect(zhRow).toContain('日常抽检');
    expect(zhRow).toContain('不通过');

    const en = await t.as(world.supervisor.token).get(url('&format=csv&lang=en'));
    expect(csvLines(en.text)[0].split(',').slice(0, 3)).toEqual(['Evaluation ID', 'Recording ID', 'Employee no.']);
    const accept = await t.as(world.supervisor.token).get(url('&format=csv')).set('Accept-Language', 'en-US,en;q=0.9');
    expect(csvLines(accept.text)[0]).toBe(csvLines(en.text)[0]);

    const keys = await t.as(world.supervisor.token).get(url('&format=csv&headers=keys&lang=en'));
    const [header, row] = csvLines(keys.text);
    const names = header.split(',');
    expect(names.slice(0, 11)).toEqual(['id', 'recordingId', 'agent', 'agentName', 'team', 'inspector', 'source', 'checklistVersion', 'score', 'fatal', 'submittedAt']);
    expect(names).toContain('GREETING');
    const values = Object.fromEntries(names.map((n, i) => [n, row.split(',')[i]]));
    expect(values).toMatchObject({ source: 'daily', fatal: 'false', GREETING: 'fail', CLOSING: 'pass', score: String(score) });
    expect(values.submittedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('writes the XLSX with Chinese titles, a frozen bold header row, column widths and Excel numbers and dates', async () => {
    const res = await binary(t.as(world.supervisor.token).get(url('&format=xlsx')));
    expect(res.status).toBe(200);
    const book = await workbook(res.body as Buffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('评分明细');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 11)).toEqual(['评分编号', '录音编号', '工号', '座席姓名', '班组', '质检员', '来源', '标准版本', '得分', '致命', '提交时间']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(30);
    const row = sheet.getRow(2);
    expect(row.getCell(4).value).toBe('李四');
    expect(row.getCell(9).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(9).value).toBeCloseTo(score, 4);
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(11).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(11).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    // Excel has no zones: the cell holds the centre's clock time (Shanghai, UTC+8), to the second.
    const json = (await t.as(world.supervisor.token).get(url(''))).body.items[0];
    expect((row.getCell(11).value as Date).getTime()).toBe(Math.floor(Date.parse(json.submittedAt) / 1000) * 1000 + 8 * 3600_000);

    const keys = await binary(t.as(world.supervisor.token).get(url('&format=xlsx&headers=keys')));
    const keySheet = (await workbook(keys.body as Buffer)).worksheets[0];
    expect((keySheet.getRow(1).values as unknown[]).slice(1, 12)).toEqual([
      'id',
      'recordingId',
      'agent',
      'agentName',
      'team',
      'inspector',
      'source',
      'checklistVersion',
      'score',
      'fatal',
      'submittedAt',
    ]);
    expect(keySheet.getRow(2).getCell(10).value).toBe(false);
    // For scripts the instant stays exact: ISO 8601, not Excel's zone-less clock time.
    expect(keySheet.getRow(2).getCell(11).value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    expect(keySheet.getRow(2).getCell(9).type).toBe(ExcelJS.ValueType.Number);
  });

  it('writes an approved request’s file in the reader’s language too', async () => {
    const asked = await t.as(world.a.inspector.token).post('/api/exports').send({ kind: 'evaluations', format: 'csv', from: DAY, to: DAY, team, purpose: '月度分析' });
    expect(asked.status).toBe(201);
    expect((await t.as(world.supervisor.token).post(`/api/exports/${asked.body.id}/approve`)).status).toBe(200);
    const file = await t.as(world.a.inspector.token).get(`/api/exports/${asked.body.id}/download?lang=en`);
    expect(file.status).toBe(200);
    expect(csvLines(file.text)[0].startsWith('Evaluation ID,Recording ID')).toBe(true);
  });

  it.each([
    ['lang', '&format=csv&lang=fr'],
    ['headers', '&format=csv&headers=names'],
  ])('answers 400 naming %s for a bad value', async (field, extra) => {
    const res = await t.as(world.supervisor.token).get(url(extra));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });
});

import type { ErrorDetail } from '#server/common/domain-error.js';
import { parseSheetDate, readSheetRecords } from '#server/common/sheet.js';
import { checkOperationalRow, type OperationalRow } from './operational-rows.js';

// Column headings the telephony and sales exports use, Chinese first.
const HEADINGS: Record<keyof OperationalRow, string[]> = {
  agent: ['工号', '座席工号', '员工编号', '员工工号', 'agent', 'employeeno', 'employee_no', 'employee no'],
  date: ['日期', '统计日期', '话务日期', 'date'],
  calls: ['话务量', '接通量', '通话量', '呼叫量', 'calls'],
  hours: ['在线时长', '登录时长', '工时', '小时', '在线小时', 'hours'],
  successes: ['成功量', '成功数', '成功单数', 'successes'],
};
const COLUMNS = Object.keys(HEADINGS) as (keyof OperationalRow)[];

const text = (cell: unknown) => (cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim());

/** A figure as a sheet writes it: a number, or text that reads as one (12, 7.5); anything else stays text and is refused. */
const figure = (cell: unknown): unknown => {
  if (typeof cell === 'number') return cell;
  const s = text(cell);
  return /^\d+(\.\d+)?$/.test(s) ? Number(s) : s;
};

/** A date cell: a workbook's date (a calendar day, written without a zone) or the forms an export writes. */
const dateOf = (cell: unknown): string => (cell instanceof Date ? cell.toISOString().slice(0, 10) : (parseSheetDate(text(cell)) ?? text(cell)));

/** Reads and checks the rows of an operational sheet (CSV or XLSX): the rows, or every problem with its line. */
export async function readOperationalSheet(bytes: Uint8Array): Promise<{ rows: (OperationalRow & { line: number })[]; errors: ErrorDetail[] }> {
  const { records, error } = await readSheetRecords(bytes);
  if (error) return { rows: [], errors: [{ line: 1, code: error.includes('CSV') ? 'unreadableCsv' : 'badCell', message: error }] };
  if (!records.length) return { rows: [], errors: [{ line: 1, code: 'emptySheet', message: 'the file is empty' }] };
  const header = records[0].cells.map((h) => text(h).toLowerCase());
  const column: Partial<Record<keyof OperationalRow, number>> = {};
  for (const key of COLUMNS) {
    const index = header.findIndex((h) => HEADINGS[key].includes(h));
    if (index >= 0) column[key] = index;
  }
  const missing = COLUMNS.filter((k) => column[k] === undefined);
  if (missing.length)
    return {
      rows: [],
      errors: [
        {
          line: records[0].line,
          code: 'missingColumns',
          params: { columns: missing },
          message: `missing columns: ${missing.map((k) => `${HEADINGS[k][0]} (${k})`).join(', ')}`,
        },
      ],
    };
  if (records.length === 1) return { rows: [], errors: [{ line: records[0].line + 1, code: 'emptySheet', message: 'no rows below the header' }] };
  const rows: (OperationalRow & { line: number })[] = [];
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records.slice(1)) {
    const cell = (k: keyof OperationalRow) => cells[column[k]!] ?? null;
    const row = checkOperationalRow(
      { agent: text(cell('agent')), date: dateOf(cell('date')), calls: figure(cell('calls')), hours: figure(cell('hours')), successes: figure(cell('successes')) },
      (field, code, message, params) => errors.push({ line, field, code, ...(params ? { params } : {}), message: `${HEADINGS[field][0]} (${field}): ${message}` }),
    );
    if (!row) continue;
    const key = `${row.agent}|${row.date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        line,
        field: 'agent',
        code: 'repeatsLine',
        params: { value: `${row.agent} ${row.date}`, line: first },
        message: `${row.agent} on ${row.date} repeats line ${first}`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push({ ...row, line });
  }
  return { rows, errors };
}

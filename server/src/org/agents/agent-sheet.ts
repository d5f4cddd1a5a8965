import { parse } from 'csv-parse/sync';
import { AgentGrade, AgentStatus } from '#shared/org.js';
import type { ErrorParams, FieldProblem } from '#shared/api/errors.js';
import type { ErrorDetail } from '#server/common/domain-error.js';
import { decodeSheet, parseSheetDate } from '#server/common/sheet.js';
import { EMPLOYEE_NO_PATTERN } from './agent.dto.js';

/** One agent as read from an HR sheet, with the line it came from. */
export interface AgentSheetRow {
  line: number;
  employeeNo: string;
  name: string;
  team: string;
  hiredAt: string;
  grade: AgentGrade;
  status?: AgentStatus;
}

// Column headings an HR export may use, Chinese first.
const HEADINGS: Record<keyof Omit<AgentSheetRow, 'line'>, string[]> = {
  employeeNo: ['工号', '员工编号', '员工工号', '座席工号', 'employeeno', 'employee_no', 'employee no'],
  name: ['姓名', '名字', 'name'],
  team: ['班组', '班组编码', '班组代码', 'team', 'team code'],
  hiredAt: ['入职日期', '入职时间', 'hiredat', 'hired_at', 'hire date'],
  grade: ['级别', '等级', '职级', 'grade'],
  status: ['状态', '在职状态', 'status'],
};
const REQUIRED = ['employeeNo', 'name', 'team', 'hiredAt', 'grade'] as const;

const GRADES: Record<string, AgentGrade> = {
  intern: AgentGrade.Intern,
  实习: AgentGrade.Intern,
  实习生: AgentGrade.Intern,
  实习tsr: AgentGrade.Intern,
  c: AgentGrade.C,
  b: AgentGrade.B,
  a: AgentGrade.A,
  c级: AgentGrade.C,
  b级: AgentGrade.B,
  a级: AgentGrade.A,
};
const STATUSES: Record<string, AgentStatus> = { active: AgentStatus.Active, 在职: AgentStatus.Active, left: AgentStatus.Left, 离职: AgentStatus.Left };

/** Reads and checks every row; answers the rows, or every problem with its line number. */
export function readAgentSheet(bytes: Uint8Array): { rows: AgentSheetRow[]; errors: ErrorDetail[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decodeSheet(bytes), { info: true, skip_empty_lines: true, trim: true, relax_column_count: true, bom: true }) as never;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    return { rows: [], errors: [{ line, code: 'unreadableCsv', message: `not a readable CSV file: ${(e as Error).message.split('\n')[0]}` }] };
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 1, code: 'emptySheet', message: 'the file is empty' }] };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const columns: Partial<Record<keyof typeof HEADINGS, number>> = {};
  for (const [key, names] of Object.entries(HEADINGS)) {
    const index = header.findIndex((h) => names.includes(h));
    if (index >= 0) columns[key as keyof typeof HEADINGS] = index;
  }
  const missing = REQUIRED.filter((k) => columns[k] === undefined);
  if (missing.length) {
    return {
      rows: [],
      errors: [
        { line: 1, code: 'missingColumns', params: { columns: missing }, message: `missing columns: ${missing.map((k) => `${HEADINGS[k][0]} (${k})`).join(', ')}` },
      ],
    };
  }
  if (records.length === 1) return { rows: [], errors: [{ line: 2, code: 'emptySheet', message: 'no agents below the header' }] };

  const rows: AgentSheetRow[] = [];
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const cell = (k: keyof typeof HEADINGS) => (columns[k] === undefined ? '' : (record[columns[k]!] ?? '').trim());
    const problems: ErrorDetail[] = [];
    // Each problem is its own entry, by column, so that the web can say it in the user's language.
    const problem = (field: keyof typeof HEADINGS, code: FieldProblem, value: string, message: string, params: ErrorParams = {}) =>
      problems.push({ line, field, code, params: { value, ...params }, message });
    const employeeNo = cell('employeeNo');
    if (!EMPLOYEE_NO_PATTERN.test(employeeNo)) problem('employeeNo', 'badCell', employeeNo, `工号 (employeeNo) "${employeeNo}" must be 1–32 letters or digits`);
    else if (seen.has(employeeNo))
      problem('employeeNo', 'repeatsLine', employeeNo, `工号 (employeeNo) ${employeeNo} repeats line ${seen.get(employeeNo)}`, { line: seen.get(employeeNo)! });
    const name = cell('name');
    if (!name || name.length > 100) problem('name', name ? 'badCell' : 'required', name, '姓名 (name) is empty or too long');
    const team = cell('team');
    if (!team) problem('team', 'required', team, '班组 (team) is empty');
    const hiredAt = parseSheetDate(cell('hiredAt'));
    if (!hiredAt) problem('hiredAt', 'badCell', cell('hiredAt'), `入职日期 (hiredAt) "${cell('hiredAt')}" is not a date like 2024-03-01`);
    const grade = GRADES[cell('grade').toLowerCase()];
    if (!grade) problem('grade', 'badCell', cell('grade'), `级别 (grade) "${cell('grade')}" must be 实习/intern, C, B or A`);
    const statusText = cell('status');
    const status = statusText ? STATUSES[statusText.toLowerCase()] : undefined;
    if (statusText && !status) problem('status', 'badCell', statusText, `状态 (status) "${statusText}" must be 在职/active or 离职/left`);
    if (problems.length) errors.push(...problems);
    else rows.push({ line, employeeNo, name, team, hiredAt: hiredAt!, grade: grade!, status });
    if (employeeNo && !seen.has(employeeNo)) seen.set(employeeNo, line);
  }
  return { rows, errors };
}

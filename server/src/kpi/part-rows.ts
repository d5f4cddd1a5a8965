import type { ErrorDetail } from '#server/common/domain-error.js';
import { QUARTER_PATTERN, quarterDates } from '#shared/kpi/grades.js';
import { PART_CODE_PATTERN } from '#shared/kpi/scheme.js';
import { refused } from './operational-rows.js';

/** One agent's value of one KPI part in a quarter, checked, with its index in the request. */
export interface PartRow {
  /** Employee number. */
  agent: string;
  quarter: string;
  part: string;
  value: number;
  index: number;
}

const FIELDS = ['agent', 'quarter', 'part', 'value'];

/**
 * Checks the rows of `PUT /api/kpi/parts` as `checkOperationalRows` does the figures: every problem
 * named by its index (`rows[3].value`), a second row for the same agent, quarter and part named as
 * repeating the first.
 */
export function checkPartRows(rows: readonly unknown[]): { rows: PartRow[]; errors: ErrorDetail[] } {
  const out: PartRow[] = [];
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const at = (field: string) => `rows[${index}].${field}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ field: `rows[${index}]`, code: 'notObject', message: `rows[${index}]: must be an object {agent, quarter, part, value}` });
      return;
    }
    const r = raw as Record<string, unknown>;
    let ok = true;
    const fail = (field: string, code: ErrorDetail['code'], message: string, value?: unknown) => {
      ok = false;
      errors.push({ field: at(field), code, ...(value === undefined ? {} : { params: { value: String(value) } }), message: `${at(field)}: ${message}` });
    };
    for (const k of Object.keys(r).filter((k) => !FIELDS.includes(k))) fail(k, 'whitelistValidation', 'is not a field of a KPI part row');
    const agent = typeof r.agent === 'string' ? r.agent.trim() : '';
    if (!agent) fail('agent', 'required', 'must be the employee number of an agent');
    if (typeof r.quarter !== 'string' || !QUARTER_PATTERN.test(r.quarter) || !quarterDates(r.quarter))
      fail('quarter', 'badCell', 'must be a quarter written YYYY-Qn, e.g. 2026-Q3', r.quarter ?? '');
    if (typeof r.part !== 'string' || !PART_CODE_PATTERN.test(r.part)) fail('part', 'badCell', 'must be the code of a part of the project’s KPI scheme', r.part ?? '');
    if (typeof r.value !== 'number' || !Number.isFinite(r.value) || r.value < 0 || r.value > 100)
      fail('value', 'badCell', 'must be a number from 0 to 100', r.value ?? '');
    if (!ok) return;
    const row = { agent, quarter: r.quarter as string, part: r.part as string, value: r.value as number, index };
    const key = `${row.agent}|${row.quarter}|${row.part}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        field: `rows[${index}]`,
        code: 'twice',
        params: { value: key, index: first },
        message: `rows[${index}]: ${row.part} of ${row.agent} in ${row.quarter} repeats rows[${first}]`,
      });
      return;
    }
    seen.set(key, index);
    out.push(row);
  });
  return { rows: out, errors };
}

/** The index a request row's problem names (`rows[3].calls` → 3). */
export const rowIndexOf = (e: ErrorDetail) => Number(/^rows\[(\d+)\]/.exec(e.field ?? '')?.[1] ?? 0);

/** 400 VALIDATION_FAILED naming the first bad row, every problem in row order. */
export function refusedRows(errors: ErrorDetail[]) {
  errors.sort((a, b) => rowIndexOf(a) - rowIndexOf(b));
  return refused('VALIDATION_FAILED', errors, (e) => String(rowIndexOf(e)));
}

import type { ErrorParams, FieldProblem } from '#shared/api/errors.js';
import { DomainError, type ErrorDetail } from '#server/common/domain-error.js';
import { isLocalDate } from '#server/common/local-date.js';

/** One agent-day of operational figures, checked, with where it came from (an index or a sheet line). */
export interface OperationalRow {
  /** Employee number. */
  agent: string;
  date: string;
  calls: number;
  hours: number;
  successes: number;
}

/** Most calls one agent handles in a day, and hours in a day: beyond these a figure is a typo. */
export const MAX_CALLS_PER_DAY = 100_000;
export const MAX_HOURS_PER_DAY = 24;

/**
 * The problems of one row's figures, by field. `where` turns a field into the name the 400 gives it
 * (`rows[3].calls` for the API, the column heading for a sheet); `value` shows the offending value.
 */
export function checkOperationalRow(
  row: { agent: unknown; date: unknown; calls: unknown; hours: unknown; successes: unknown },
  problem: (field: keyof OperationalRow, code: FieldProblem, message: string, params?: ErrorParams) => void,
): OperationalRow | null {
  let ok = true;
  const fail = (field: keyof OperationalRow, code: FieldProblem, message: string, params?: ErrorParams) => {
    ok = false;
    problem(field, code, message, params);
  };
  const agent = typeof row.agent === 'string' ? row.agent.trim() : '';
  if (!agent) fail('agent', 'required', 'must be the employee number of an agent');
  if (!isLocalDate(row.date)) fail('date', 'badCell', 'must be a real date written YYYY-MM-DD', { value: String(row.date ?? '') });
  const count = (field: 'calls' | 'successes', value: unknown, max: number) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max)
      fail(field, 'badCell', `must be a whole number from 0 to ${max}`, { value: String(value ?? '') });
  };
  count('calls', row.calls, MAX_CALLS_PER_DAY);
  count('successes', row.successes, MAX_CALLS_PER_DAY);
  if (typeof row.hours !== 'number' || !Number.isFinite(row.hours) || row.hours < 0 || row.hours > MAX_HOURS_PER_DAY)
    fail('hours', 'badCell', `must be a number of hours from 0 to ${MAX_HOURS_PER_DAY}`, { value: String(row.hours ?? '') });
  if (ok && (row.successes as number) > (row.calls as number))
    fail('successes', 'moreThanCalls', `${String(row.successes)} is more than the ${String(row.calls)} calls`, { value: String(row.successes) });
  return ok ? { agent, date: row.date as string, calls: row.calls as number, hours: row.hours as number, successes: row.successes as number } : null;
}

/**
 * Checks the rows of `PUT /api/kpi/operational`: every problem named by its index
 * (`rows[3].calls`), and a second row for the same agent and date named as repeating the first.
 */
export function checkOperationalRows(rows: readonly unknown[]): { rows: (OperationalRow & { index: number })[]; errors: ErrorDetail[] } {
  const out: (OperationalRow & { index: number })[] = [];
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const at = (field: string) => `rows[${index}].${field}`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      errors.push({ field: `rows[${index}]`, code: 'notObject', message: `rows[${index}]: must be an object {agent, date, calls, hours, successes}` });
      return;
    }
    const r = raw as Record<string, unknown>;
    const extra = Object.keys(r).filter((k) => !['agent', 'date', 'calls', 'hours', 'successes'].includes(k));
    for (const k of extra) errors.push({ field: at(k), code: 'whitelistValidation', message: `${at(k)}: is not a field of an operational row` });
    const row = checkOperationalRow({ agent: r.agent, date: r.date, calls: r.calls, hours: r.hours, successes: r.successes }, (field, code, message, params) =>
      errors.push({ field: at(field), code, ...(params ? { params } : {}), message: `${at(field)}: ${message}` }),
    );
    if (!row || extra.length) return;
    const key = `${row.agent}|${row.date}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        field: `rows[${index}]`,
        code: 'twice',
        params: { value: key, index: first },
        message: `rows[${index}]: ${row.agent} on ${row.date} repeats rows[${first}]`,
      });
      return;
    }
    seen.set(key, index);
    out.push({ ...row, index });
  });
  return { rows: out, errors };
}

/** A request or sheet with bad rows: 400 naming the first, every problem in `errors`, nothing stored. */
export function refused(code: 'VALIDATION_FAILED' | 'IMPORT_ROWS_INVALID', errors: ErrorDetail[], where: (e: ErrorDetail) => string): DomainError {
  const count = new Set(errors.map(where)).size;
  const first = errors[0];
  const at = first.line === undefined ? '' : `line ${first.line}: `;
  return new DomainError(code, `${count} row(s) refused, nothing stored; ${at}${first.message}`, errors.slice(0, 200), { params: { rows: count } });
}

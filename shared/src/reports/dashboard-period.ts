import type { TrendBucket } from '../api/dashboard.js';
import { addDays, periodAround } from './periods.js';

/**
 * The dashboard's period, as its address says it: a day, an ISO week, a calendar month or quarter
 * holding `date`, or a custom `from`…`to`; the previous period is the one just before, of the same
 * kind (a custom range: as many days, ending the day before it starts).
 *
 * Used by the web's dashboard; pure, so the unit tests check it directly.
 */
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'custom';

export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'month', 'quarter', 'custom'];

export interface DateRange {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
}

export interface DashboardPeriod extends DateRange {
  kind: PeriodKind;
  previous: DateRange;
  /** Days in the period, both ends included. */
  days: number;
}

const DAY_MS = 86_400_000;
const parse = (date: string) => Date.parse(`${date}T00:00:00Z`);

export const isDate = (value: string | null | undefined): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(parse(value)).toISOString().slice(0, 10) === value;

export const daysBetween = (from: string, to: string) => Math.round((parse(to) - parse(from)) / DAY_MS) + 1;

function quarterAround(date: string): DateRange {
  const [year, month] = date.split('-').map(Number);
  const first = Math.floor((month - 1) / 3) * 3;
  const from = new Date(Date.UTC(year, first, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, first + 3, 0)).toISOString().slice(0, 10);
  return { from, to };
}

/** The range of one kind of period holding `date` (custom is not one: it is its own range). */
export function rangeAround(kind: Exclude<PeriodKind, 'custom'>, date: string): DateRange {
  if (kind === 'day') return { from: date, to: date };
  if (kind === 'quarter') return quarterAround(date);
  return periodAround(kind, date);
}

/** The period and the one before it; a custom range with its ends the wrong way round is put right. */
export function dashboardPeriod(kind: PeriodKind, date: string, custom?: Partial<DateRange>): DashboardPeriod {
  let range: DateRange;
  let previous: DateRange;
  if (kind === 'custom' && isDate(custom?.from) && isDate(custom?.to)) {
    range = custom.from <= custom.to ? { from: custom.from, to: custom.to } : { from: custom.to, to: custom.from };
    const length = daysBetween(range.from, range.to);
    previous = { from: addDays(range.from, -length), to: addDays(range.from, -1) };
  } else {
    const fixed = kind === 'custom' ? 'month' : kind;
    range = rangeAround(fixed, date);
    previous = rangeAround(fixed, addDays(range.from, -1));
    kind = fixed;
  }
  return { kind, ...range, previous, days: daysBetween(range.from, range.to) };
}

/** Daily points up to two months, weekly up to about half a year, monthly beyond. */
export function defaultBucket(days: number): TrendBucket {
  if (days <= 62) return 'day';
  if (days <= 190) return 'week';
  return 'month';
}

/** The buckets worth offering: a roll-up coarser than the period itself says nothing. */
export function bucketsFor(days: number): TrendBucket[] {
  if (days <= 1) return ['day'];
  if (days <= 7) return ['day'];
  if (days <= 31) return ['day', 'week'];
  return ['day', 'week', 'month'];
}

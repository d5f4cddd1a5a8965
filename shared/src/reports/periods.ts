import type { ProblemPeriod } from '../api/reports.js';

const DAY = 86_400_000;
const parse = (date: string) => Date.parse(`${date}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => format(parse(date) + days * DAY);

/** The week (Monday to Sunday) or calendar month holding the day, as its first and last days. */
export function periodAround(kind: ProblemPeriod, date: string): { from: string; to: string } {
  if (kind === 'week') {
    const from = addDays(date, -((new Date(parse(date)).getUTCDay() + 6) % 7));
    return { from, to: addDays(from, 6) };
  }
  const d = new Date(parse(date));
  const from = format(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  return { from, to: format(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)) };
}

/** Whether from–to is exactly one whole week or month, and which: improvement plans are kept per such period. */
export function wholePeriod(from: string, to: string): { kind: ProblemPeriod; from: string } | null {
  for (const kind of ['week', 'month'] as const) {
    const p = periodAround(kind, from);
    if (p.from === from && p.to === to) return { kind, from };
  }
  return null;
}

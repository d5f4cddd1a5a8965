import { registerDecorator, type ValidationOptions } from 'class-validator';

/** Years a call centre's dates fall in: year 0099 is a typo, not a call. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

/** Whether year-month-day is a day of the calendar within FIRST_YEAR…LAST_YEAR (2026-02-30 is not). */
export function isRealDay(y: number, mo: number, d: number): boolean {
  if (y < FIRST_YEAR || y > LAST_YEAR) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A real calendar date written YYYY-MM-DD (2024-02-30 and 0099-01-01 are refused). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return !!m && isRealDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

const DATE_TIME_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/**
 * A real point in time written ISO 8601 with an offset: the day exists (2026-02-30 does not roll over
 * to March), the clock reads at most 23:59:59, the offset at most ±14:00, the year is plausible.
 */
export function isRealDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_TIME_WITH_OFFSET.exec(value);
  if (!m || !isRealDay(Number(m[1]), Number(m[2]), Number(m[3]))) return false;
  const [h, min, sec] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return false;
  if (m[7] && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  return !Number.isNaN(new Date(value).getTime());
}

/** The one check for every date-time field of a DTO (ISO 8601 with an offset, a real time). */
export function IsRealDateTime(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isRealDateTime',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a real time, ISO 8601 with an offset, e.g. 2026-11-27T09:30:00+08:00`, ...options },
      validator: { validate: isRealDateTime },
    });
}

export function IsLocalDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: isLocalDate },
    });
}

import type { Interval } from '#shared/api/dashboard';

/** A fraction as 「12.5 %」, or a dash without a figure. */
export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`);

/** A score to one decimal, or a dash. */
export const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(1));

/** A score interval as 「81.2 ~ 90.4」, or a dash when there is too little to say. */
export const scoreRange = (interval: Interval) => (interval.low === null || interval.high === null ? '—' : `${score(interval.low)} ~ ${score(interval.high)}`);

import type { TrendBucket } from '../api/dashboard.js';
import { addDays, periodAround } from './periods.js';

/** The trend's buckets of a period: days, ISO weeks (from Monday) or calendar months, each clipped to from…to. */
export function bucketsOf(bucket: TrendBucket, from: string, to: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  let start = from;
  while (start <= to) {
    const end = bucket === 'day' ? start : periodAround(bucket, start).to;
    const clipped = end < to ? end : to;
    out.push({ from: start, to: clipped });
    start = addDays(clipped, 1);
  }
  return out;
}

/** How many buckets bucketsOf would give, without making them (to refuse a period too long for its bucket). */
export function bucketCount(bucket: TrendBucket, from: string, to: string): number {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (bucket === 'day') return days;
  if (bucket === 'week') return Math.ceil(days / 7) + 1;
  return Math.ceil(days / 28) + 1;
}

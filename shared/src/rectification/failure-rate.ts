/**
 * Did a rectification work? Per checklist item, the team's failure rate before the notice and since
 * re-checking began, each with its 95 % Wilson score interval, and a verdict nobody can argue with:
 * "improved" only when the intervals no longer overlap (since entirely below before).
 */

/** A failure rate with its 95 % Wilson interval (fractions 0…1; null without any scored calls). */
export interface RateInterval {
  /** Evaluations that scored the item (not N/A). */
  calls: number;
  failures: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

/**
 * `improved`: since re-checking the interval lies wholly below the one before. `worse`: wholly above.
 * `no-change`: they overlap with enough calls on both sides. `not-enough-calls`: they overlap and one
 * side has fewer than the minimum scored calls, so more re-sampling may still tell.
 */
export type RectificationVerdict = 'improved' | 'worse' | 'no-change' | 'not-enough-calls';

/** Fewer scored calls than this on either side, and an overlap says "not enough calls yet". */
export const MIN_CALLS_TO_JUDGE = 10;

const Z95 = 1.959964;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The Wilson score interval of `failures` out of `calls` at 95 % (sound near 0 and 1, unlike p ± z·se). */
export function wilsonInterval(failures: number, calls: number, z = Z95): RateInterval {
  if (!Number.isInteger(calls) || !Number.isInteger(failures) || calls < 0 || failures < 0 || failures > calls)
    throw new RangeError(`wilsonInterval: ${failures} failures of ${calls} calls`);
  if (calls === 0) return { calls, failures, rate: null, low: null, high: null };
  const p = failures / calls;
  const z2 = z * z;
  const centre = (p + z2 / (2 * calls)) / (1 + z2 / calls);
  const half = (z * Math.sqrt((p * (1 - p)) / calls + z2 / (4 * calls * calls))) / (1 + z2 / calls);
  return { calls, failures, rate: round4(p), low: round4(Math.max(0, centre - half)), high: round4(Math.min(1, centre + half)) };
}

export function compareFailureRates(before: RateInterval, since: RateInterval, minCalls = MIN_CALLS_TO_JUDGE): RectificationVerdict {
  if (before.low !== null && before.high !== null && since.low !== null && since.high !== null) {
    if (since.high < before.low) return 'improved';
    if (since.low > before.high) return 'worse';
  }
  return before.calls < minCalls || since.calls < minCalls ? 'not-enough-calls' : 'no-change';
}

/** One item's numbers as the notice shows them. */
export interface ItemFailureRate {
  code: string;
  before: RateInterval;
  since: RateInterval;
  verdict: RectificationVerdict;
}

export function itemFailureRate(
  code: string,
  before: { calls: number; failures: number },
  since: { calls: number; failures: number },
  minCalls = MIN_CALLS_TO_JUDGE,
): ItemFailureRate {
  const b = wilsonInterval(before.failures, before.calls);
  const s = wilsonInterval(since.failures, since.calls);
  return { code, before: b, since: s, verdict: compareFailureRates(b, s, minCalls) };
}

/**
 * How sure a sampled mean score is: the mean of n evaluation scores with its 95 % confidence
 * interval (Student's t), so a supervisor sees when an agent's sample is too small to grade him on.
 */
export interface ScoreInterval {
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
  /** Half the interval's width, in score points. */
  halfWidth: number | null;
}

// Two-sided 97.5 % quantiles of Student's t for 1…30 degrees of freedom; beyond that ≈ normal.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064,
  2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile975(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) return Number.POSITIVE_INFINITY;
  if (degreesOfFreedom <= 30) return T975[degreesOfFreedom - 1];
  if (degreesOfFreedom <= 60) return 2.042 - ((degreesOfFreedom - 30) / 30) * (2.042 - 2.0);
  if (degreesOfFreedom <= 120) return 2.0 - ((degreesOfFreedom - 60) / 60) * (2.0 - 1.98);
  return 1.96;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The same interval from a count, a sum and a sum of squares (what the dashboard's daily roll-ups
 * keep) instead of the scores themselves.
 */
export function scoreIntervalOfSums(n: number, sum: number, squares: number): ScoreInterval {
  if (n === 0) return { n, mean: null, low: null, high: null, halfWidth: null };
  const mean = sum / n;
  if (n === 1) return { n, mean: round1(mean), low: null, high: null, halfWidth: null };
  // Rounding can leave a tiny negative where every score is equal.
  const variance = Math.max(0, (squares - (sum * sum) / n) / (n - 1));
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { n, mean: round1(mean), low: round1(Math.max(0, mean - half)), high: round1(Math.min(100, mean + half)), halfWidth: round1(half) };
}

/** The sample standard deviation from a count, a sum and a sum of squares; null below 2. */
export function standardDeviationOfSums(n: number, sum: number, squares: number): number | null {
  if (n < 2) return null;
  return Math.sqrt(Math.max(0, (squares - (sum * sum) / n) / (n - 1)));
}

export function scoreInterval(scores: readonly number[]): ScoreInterval {
  const n = scores.length;
  if (n === 0) return { n, mean: null, low: null, high: null, halfWidth: null };
  const mean = scores.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { n, mean: round1(mean), low: null, high: null, halfWidth: null };
  const variance = scores.reduce((a, s) => a + (s - mean) ** 2, 0) / (n - 1);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  // Scores live in 0…100: clip the interval there.
  return { n, mean: round1(mean), low: round1(Math.max(0, mean - half)), high: round1(Math.min(100, mean + half)), halfWidth: round1(half) };
}

/**
 * Below this many scores the sample's own spread is too unreliable to trust: three equal scores
 * would give an interval of ±0 and look certain.
 */
export const MIN_SCORES_TO_GRADE = 5;

/** Too wide to grade on: fewer than MIN_SCORES_TO_GRADE scores, or an interval wider than ±maxHalfWidth points. */
export function tooWideToGrade(interval: ScoreInterval, maxHalfWidth: number): boolean {
  return interval.n < MIN_SCORES_TO_GRADE || interval.halfWidth === null || interval.halfWidth > maxHalfWidth;
}

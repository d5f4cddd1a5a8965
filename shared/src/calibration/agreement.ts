/**
 * Agreement between raters of a calibration session (issue 15): Fleiss' kappa over subjects rated into
 * categories, the reference verdict (the benchmark's, or the raters' majority) and a score spread.
 * Pure: the server computes a session's results with it and the tests check it against textbook figures.
 */

/** Fleiss' kappa with what it is made of: P̄ (mean observed agreement) and P̄e (chance agreement). */
export interface Kappa {
  kappa: number | null;
  observed: number | null;
  expected: number | null;
  subjects: number;
}

/**
 * Fleiss (1971): `counts[i][j]` is how many raters put subject i into category j. Subjects rated by
 * fewer than two raters say nothing about agreement and are left out; subjects with different numbers
 * of raters are allowed (each P_i over its own n_i, the category shares over every rating). Kappa is
 * null when there is nothing to measure: no subject left, or every rating in one category (P̄e = 1).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): Kappa {
  const rated = counts.filter((row) => row.reduce((a, b) => a + b, 0) >= 2);
  if (!rated.length) return { kappa: null, observed: null, expected: null, subjects: 0 };
  const categories = Math.max(...rated.map((r) => r.length));
  const totals = new Array<number>(categories).fill(0);
  let ratings = 0;
  let observedSum = 0;
  for (const row of rated) {
    const n = row.reduce((a, b) => a + b, 0);
    row.forEach((c, j) => (totals[j] += c));
    ratings += n;
    observedSum += (row.reduce((a, c) => a + c * c, 0) - n) / (n * (n - 1));
  }
  const observed = observedSum / rated.length;
  const expected = totals.reduce((a, t) => a + (t / ratings) ** 2, 0);
  const kappa = expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
  return { kappa, observed, expected, subjects: rated.length };
}

/** How many of `values` fall in each of `categories`, in that order (values outside are ignored). */
export function countsOf<T>(values: readonly (T | null | undefined)[], categories: readonly T[]): number[] {
  return categories.map((c) => values.filter((v) => v === c).length);
}

/** The value most raters chose, or null when none was given or two values tie for the most. */
export function majorityOf<T>(values: readonly (T | null | undefined)[]): T | null {
  const tally = new Map<T, number>();
  for (const v of values) if (v !== null && v !== undefined) tally.set(v, (tally.get(v) ?? 0) + 1);
  const ranked = [...tally].sort((a, b) => b[1] - a[1]);
  if (!ranked.length || (ranked.length > 1 && ranked[0][1] === ranked[1][1])) return null;
  return ranked[0][0];
}

/** Lowest, highest, mean and (population) standard deviation; nulls when there are no values. */
export interface Spread {
  n: number;
  min: number | null;
  max: number | null;
  mean: number | null;
  sd: number | null;
}

export function spreadOf(values: readonly number[]): Spread {
  if (!values.length) return { n: 0, min: null, max: null, mean: null, sd: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return { n: values.length, min: Math.min(...values), max: Math.max(...values), mean, sd };
}

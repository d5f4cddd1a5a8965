/**
 * The evaluation scoring rule (DOMAIN.md "Scoring"), shared so that the server's stored score and
 * the score the inspector watches while filling in the form can never disagree.
 *
 * score = 100 × earned / possible; N/A items drop out of both; a failed critical item makes the
 * evaluation fatal and its score 0.
 */

export type Verdict = 'pass' | 'fail' | 'na';

export interface ScoredItem {
  points: number;
  critical: boolean;
  verdict: Verdict;
}

export interface EvaluationScore {
  /** 0…100, one decimal, rounded half up. */
  score: number;
  /** A critical item failed: the score is 0 whatever else was earned. */
  fatal: boolean;
  /** Points of the passed items; kept as earned even when fatal, so reports can show what was lost. */
  earned: number;
  /** Points of the items not marked N/A. */
  possible: number;
}

/**
 * Points are summed in whole thousandths (finer fractions are rounded away) so that item points
 * like 0.1 + 0.2 add up exactly and a score exactly on a half (6.25) rounds up instead of falling
 * to 6.2 through binary noise.
 */
const MILLI = 1000;

/** What one item contributes: its points if passed, 0 if failed or N/A. */
export function itemEarned(item: ScoredItem): number {
  return item.verdict === 'pass' ? item.points : 0;
}

export function scoreEvaluation(items: readonly ScoredItem[]): EvaluationScore {
  let earnedMilli = 0;
  let possibleMilli = 0;
  let fatal = false;
  for (const item of items) {
    if (!Number.isFinite(item.points) || item.points < 0) throw new RangeError(`item points must be a number ≥ 0, got ${item.points}`);
    if (item.verdict === 'na') continue;
    const points = Math.round(item.points * MILLI);
    possibleMilli += points;
    if (item.verdict === 'pass') earnedMilli += points;
    else if (item.critical) fatal = true;
  }
  // Everything N/A (or nothing worth points): nothing was done wrong, so 100 rather than null,
  // which would break team averages and exports. The inspector's comment says why.
  // Tenths of a percent as one quotient of integers: an exact half (1 of 16 points: 62.5 tenths) is
  // represented exactly, so Math.round rounds it up as it should.
  const percent = possibleMilli === 0 ? 100 : Math.round((1000 * earnedMilli) / possibleMilli) / 10;
  return { score: fatal ? 0 : percent, fatal, earned: earnedMilli / MILLI, possible: possibleMilli / MILLI };
}

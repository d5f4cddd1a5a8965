import type { ConsistencyBucket, ConsistencyFigures } from '#shared/api/dashboard.js';
import type { BucketCounts, StratumSums } from './consistency.repository.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Sample standard deviation from count, sum and sum of squares; null below two. */
function spread(n: number, sum: number, squares: number): number | null {
  if (n < 2) return null;
  const variance = (squares - (sum * sum) / n) / (n - 1);
  return round1(Math.sqrt(Math.max(variance, 0)));
}

/**
 * The inspector's figures over some strata of similar calls. The deviation compares like with like:
 * within each stratum the inspector's mean against the other inspectors' mean there, weighted by how
 * many of the inspector's evaluations the stratum holds; strata nobody else scored are left out of it.
 */
export function consistencyOf(strata: readonly StratumSums[], amendments: number): ConsistencyFigures {
  let own = 0;
  let ownSum = 0;
  let ownSquares = 0;
  let compared = 0;
  let deviationSum = 0;
  let peerN = 0;
  let peerSum = 0;
  let peerSquares = 0;
  for (const s of strata) {
    own += s.ownN;
    ownSum += s.ownSum;
    ownSquares += s.ownSquares;
    const peers = s.n - s.ownN;
    if (!s.ownN || !peers) continue;
    const peerMean = (s.sum - s.ownSum) / peers;
    compared += s.ownN;
    deviationSum += s.ownSum - s.ownN * peerMean;
    peerN += peers;
    peerSum += s.sum - s.ownSum;
    peerSquares += s.squares - s.ownSquares;
  }
  return {
    evaluations: own,
    averageScore: own ? round1(ownSum / own) : null,
    scoreSpread: spread(own, ownSum, ownSquares),
    similarDeviation: compared ? round1(deviationSum / compared) : null,
    compared,
    peerSpread: spread(peerN, peerSum, peerSquares),
    amendments,
  };
}

/**
 * The period's figures and each bucket's. Strata are merged across buckets for the period, so the
 * period's deviation compares with everyone's similar calls of the whole period, not bucket by bucket.
 */
export function consistencyTrend(
  buckets: readonly { from: string; to: string }[],
  strata: readonly StratumSums[],
  amendments: readonly BucketCounts[],
): { totals: ConsistencyFigures; trend: ConsistencyBucket[] } {
  const amendedIn = new Map(amendments.map((a) => [a.bucket, a.amended]));
  const trend = buckets.map((b, i) => ({
    ...b,
    ...consistencyOf(
      strata.filter((s) => s.bucket === i + 1),
      amendedIn.get(i + 1) ?? 0,
    ),
  }));
  const merged = new Map<string, StratumSums>();
  for (const s of strata) {
    const m = merged.get(s.stratum) ?? { ...s, bucket: 0, n: 0, sum: 0, squares: 0, ownN: 0, ownSum: 0, ownSquares: 0 };
    m.n += s.n;
    m.sum += s.sum;
    m.squares += s.squares;
    m.ownN += s.ownN;
    m.ownSum += s.ownSum;
    m.ownSquares += s.ownSquares;
    merged.set(s.stratum, m);
  }
  const totals = consistencyOf(
    [...merged.values()],
    amendments.reduce((t, a) => t + a.amended, 0),
  );
  return { totals, trend };
}

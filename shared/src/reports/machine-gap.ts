import { wilsonInterval } from '../rectification/failure-rate.js';

/** A gap between machine and people smaller than this (a fraction) is not worth a flag, however sure. */
export const MIN_FLAGGED_GAP = 0.1;

export interface MachineGap {
  /** The machine's fail rate over every checked call; null without any. */
  machineRate: number | null;
  /** The people's fail rate over the sampled evaluations that scored the item; null without any. */
  sampledRate: number | null;
  /** The sampled rate's 95 % Wilson interval. */
  sampledLow: number | null;
  sampledHigh: number | null;
  /** sampled − machine, a fraction; null when either is missing. */
  gap: number | null;
  /** The machine's rate lies outside the sample's 95 % interval and the two differ by at least MIN_FLAGGED_GAP. */
  flagged: boolean;
}

/**
 * One rule's fail rate over 100 % of calls against its fail rate in the sampled evaluations. The machine's
 * rate is (near enough) the whole population's: when it falls outside the sample's 95 % interval and far
 * from it, either the sample is not like the calls (biased), or the rule does not judge as people do.
 */
export function machineGap(machine: { calls: number; failures: number }, sampled?: { evaluated: number; failures: number }): MachineGap {
  const machineRate = machine.calls ? machine.failures / machine.calls : null;
  const interval = sampled && sampled.evaluated ? wilsonInterval(sampled.failures, sampled.evaluated) : null;
  const sampledRate = interval && sampled ? sampled.failures / sampled.evaluated : null;
  const gap = machineRate === null || sampledRate === null ? null : sampledRate - machineRate;
  const outside = interval !== null && machineRate !== null && (machineRate < interval.low! || machineRate > interval.high!);
  return {
    machineRate,
    sampledRate,
    sampledLow: interval?.low ?? null,
    sampledHigh: interval?.high ?? null,
    gap,
    flagged: outside && gap !== null && Math.abs(gap) >= MIN_FLAGGED_GAP,
  };
}

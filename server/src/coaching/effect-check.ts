/**
 * The effect check of a coaching item (DOMAIN.md workflow 4, issue 10 "Effect checked"): pure, so the
 * same evaluations always give the same decision and an amendment simply decides again from scratch.
 */

/**
 * How many of the agent's evaluations after a one-to-one decide its effect (K). One constant for every
 * project: no per-project setting covers coaching yet.
 */
export const COACHING_CHECK_EVALUATIONS = 3;

/** One later evaluation of the agent: the verdicts it gave the item's codes (missing: not on its checklist). */
export interface CheckedEvaluation {
  evaluationId: string;
  recordingId: string;
  callDate: string;
  verdicts: Record<string, string>;
}

export interface EffectDecision {
  outcome: 'pending' | 'improved' | 'reopened';
  /** The evaluations that count, in submission order: at most `needed`, ending at the deciding one. */
  counted: (CheckedEvaluation & { failedCodes: string[] })[];
  passed: number;
  /** The evaluation that decided (the K-th pass, or the failure); null while pending. */
  decidedBy: (CheckedEvaluation & { failedCodes: string[] }) | null;
}

/**
 * `evaluations` are the agent's submitted, non-calibration evaluations of calls after the session day,
 * in submission order. Those that score none of `codes` (N/A or absent) do not count. The first one
 * failing a code reopens the item; `needed` passes in a row before that close it as improved.
 */
export function decideEffect(codes: readonly string[], evaluations: readonly CheckedEvaluation[], needed = COACHING_CHECK_EVALUATIONS): EffectDecision {
  const counted: EffectDecision['counted'] = [];
  for (const e of evaluations) {
    const scored = codes.filter((c) => e.verdicts[c] === 'pass' || e.verdicts[c] === 'fail');
    if (!scored.length) continue;
    const entry = { ...e, failedCodes: scored.filter((c) => e.verdicts[c] === 'fail') };
    counted.push(entry);
    const passed = counted.filter((c) => !c.failedCodes.length).length;
    if (entry.failedCodes.length) return { outcome: 'reopened', counted, passed, decidedBy: entry };
    if (counted.length >= needed) return { outcome: 'improved', counted, passed, decidedBy: entry };
  }
  return { outcome: 'pending', counted, passed: counted.length, decidedBy: null };
}

import type { CalibrationCallScores, CalibrationItemResult, CalibrationResults } from '#shared/api/calibration.js';
import { countsOf, fleissKappa, majorityOf, spreadOf } from '#shared/calibration/agreement.js';
import { type ChecklistSection, itemsOf } from '#shared/checklists/types.js';
import type { Verdict } from '#shared/scoring/score.js';

const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'na'];

/** One scorer's submitted evaluation of one call. */
export interface ScoredCall {
  score: number | null;
  fatal: boolean | null;
  verdicts: Record<string, Verdict | null>;
}

export interface ResultsInput {
  sections: ChecklistSection[];
  recordingIds: string[];
  /** Participants' usernames, in the session's order. */
  participants: string[];
  expert: string | null;
  /** By recording id, then username (participants and expert). */
  scored: Map<string, Map<string, ScoredCall>>;
  guidance: Map<string, string>;
}

/**
 * What the reveal shows (issue 15): per checklist item each participant's verdict on each call beside
 * the reference (the expert's verdict, or the participants' majority when he has none), the share of
 * verdicts agreeing with it, Fleiss' kappa among the participants per item and over every call and
 * item, and the spread of the calls' scores. Items where people disagree come first.
 */
export function calibrationResults(input: ResultsInput): CalibrationResults {
  const { participants, expert, scored } = input;
  const order = new Map(itemsOf(input.sections).map((item, n) => [item.code, n]));
  const allSubjects: number[][] = [];
  const items: (CalibrationItemResult & { position: number })[] = itemsOf(input.sections).map((item) => {
    const calls = input.recordingIds.map((recordingId) => {
      const byUser = scored.get(recordingId);
      const verdicts = participants.map((username) => ({ username, verdict: byUser?.get(username)?.verdicts[item.code] ?? null }));
      const benchmark = expert ? (byUser?.get(expert)?.verdicts[item.code] ?? null) : null;
      const reference = benchmark ?? majorityOf(verdicts.map((v) => v.verdict));
      return { recordingId, reference, verdicts };
    });
    const subjects = calls.map((c) =>
      countsOf(
        c.verdicts.map((v) => v.verdict),
        VERDICTS,
      ),
    );
    allSubjects.push(...subjects);
    const k = fleissKappa(subjects);
    // A call without a reference (no benchmark and a tie) has no verdict agreeing with it.
    const compared = calls.flatMap((c) => c.verdicts.filter((v) => v.verdict).map((v) => c.reference !== null && v.verdict === c.reference));
    const agreement = compared.length ? compared.filter(Boolean).length / compared.length : null;
    const disagreement = calls.some((c) => {
      const given = c.verdicts.map((v) => v.verdict).filter((v) => v !== null);
      return new Set(given).size > 1 || (c.reference !== null && given.some((v) => v !== c.reference));
    });
    return {
      code: item.code,
      title: item.title,
      referenceKind: expert ? 'benchmark' : 'majority',
      kappa: k.kappa,
      observed: k.observed,
      agreement,
      disagreement,
      calls,
      guidance: input.guidance.get(item.code) ?? null,
      position: order.get(item.code) ?? 0,
    };
  });
  // Disagreement first; among those, the least agreement first; then the checklist's order.
  items.sort(
    (a, b) =>
      Number(b.disagreement) - Number(a.disagreement) || (a.observed ?? 1) - (b.observed ?? 1) || (a.agreement ?? 1) - (b.agreement ?? 1) || a.position - b.position,
  );
  const calls: CalibrationCallScores[] = input.recordingIds.map((recordingId) => {
    const byUser = scored.get(recordingId);
    const scores = participants.map((username) => {
      const s = byUser?.get(username);
      return { username, score: s ? (s.fatal ? 0 : s.score) : null, fatal: s ? s.fatal : null };
    });
    const bench = expert ? byUser?.get(expert) : undefined;
    return {
      recordingId,
      benchmark: bench ? (bench.fatal ? 0 : bench.score) : null,
      scores,
      spread: spreadOf(scores.map((s) => s.score).filter((s): s is number => s !== null)),
    };
  });
  return { kappa: fleissKappa(allSubjects).kappa, items: items.map(({ position: _p, ...item }) => item), calls };
}

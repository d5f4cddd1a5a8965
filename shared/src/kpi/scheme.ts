import type { ScoreInterval } from '../sampling/confidence.js';

/**
 * A project's KPI scheme (issue 13 "KPI score"): the QA score is one part of the KPI score, and a
 * project may weigh in other parts it imports per agent and quarter (attendance, sales target…).
 * Without a published scheme the KPI score is the QA score (CONTRACT.md "KPI grading").
 */

/** One imported part: its code (what the import names), a label, and its weight in per cent. */
export interface KpiPartWeight {
  code: string;
  name: string;
  weight: number;
}

/** What the KPI score is made of: the QA score's weight and the other parts', summing to 100. */
export interface KpiWeights {
  qaWeight: number;
  parts: KpiPartWeight[];
}

/** A part's code: letters, digits, `_` or `-`, starting with a letter, at most 32 characters; `qa` is the QA score's. */
export const PART_CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
export const MAX_PARTS = 10;

/** Figures within this of 100 count as 100 (weights such as 33.3 + 33.3 + 33.4). */
const EPSILON = 1e-6;

/** What is wrong with the weights, each naming its field; empty when they are good. */
export function weightProblems(w: KpiWeights): { field: string; code: 'twice' | 'notAllowed' | 'badCell'; message: string; value?: string }[] {
  const out: { field: string; code: 'twice' | 'notAllowed' | 'badCell'; message: string; value?: string }[] = [];
  const seen = new Map<string, number>();
  w.parts.forEach((p, i) => {
    const key = p.code.toLowerCase();
    if (key === 'qa') out.push({ field: `parts[${i}].code`, code: 'notAllowed', message: '"qa" is the QA score itself: give its weight as qaWeight', value: p.code });
    const first = seen.get(key);
    if (first !== undefined) out.push({ field: `parts[${i}].code`, code: 'twice', message: `${p.code} repeats parts[${first}]`, value: p.code });
    else seen.set(key, i);
  });
  const total = w.qaWeight + w.parts.reduce((s, p) => s + p.weight, 0);
  if (Math.abs(total - 100) > EPSILON)
    out.push({
      field: 'parts',
      code: 'badCell',
      message: `the weights (qaWeight and each part's) must add up to 100, not ${Math.round(total * 1000) / 1000}`,
      value: String(total),
    });
  return out;
}

/**
 * The KPI score from the QA score and the agent's part values of the quarter: the weighted mean by
 * the scheme, or the QA score without one. Null when the QA score (weighted above 0) or a weighted
 * part's value is missing: a missing figure gives no grade.
 */
export function kpiScoreOf(qaScore: number | null, values: Readonly<Record<string, number | undefined>>, scheme: KpiWeights | null): number | null {
  if (!scheme) return qaScore;
  let sum = 0;
  if (scheme.qaWeight > 0) {
    if (qaScore === null) return null;
    sum += (scheme.qaWeight * qaScore) / 100;
  }
  for (const p of scheme.parts) {
    if (p.weight === 0) continue;
    const v = values[p.code];
    if (v === undefined) return null;
    sum += (p.weight * v) / 100;
  }
  return sum;
}

/**
 * The QA score's 95 % interval carried over to the KPI score: the other parts are known exactly, so
 * the KPI score moves with the QA score by its weight. Without a scheme the interval is the QA one.
 */
export function kpiIntervalOf(qa: ScoreInterval, kpiScore: number | null, scheme: KpiWeights | null): ScoreInterval {
  if (!scheme) return qa;
  if (kpiScore === null || qa.mean === null) return { n: qa.n, mean: null, low: null, high: null, halfWidth: null };
  if (scheme.qaWeight === 0) return { n: qa.n, mean: kpiScore, low: kpiScore, high: kpiScore, halfWidth: 0 };
  const w = scheme.qaWeight / 100;
  const shift = (x: number | null) => (x === null ? null : Math.round((kpiScore + w * (x - qa.mean!)) * 10) / 10);
  return { n: qa.n, mean: kpiScore, low: shift(qa.low), high: shift(qa.high), halfWidth: qa.halfWidth === null ? null : Math.round(w * qa.halfWidth * 10) / 10 };
}

import { AgentGrade } from '../org.js';
import { type ScoreInterval, tQuantile975 } from '../sampling/confidence.js';

/**
 * The quarterly grade rule (DOMAIN.md "Grades and promotion", seed 一(四)), shared so that the review
 * page and the server can never disagree about who is eligible for what.
 */

/** The three thresholds a grade needs, all of which must hold. */
export interface GradeThreshold {
  grade: AgentGrade;
  /** Quarterly average KPI score, 0…100. */
  minKpiScore: number;
  /** Average calls per hour logged in. */
  minCph: number;
  /** Successful calls ÷ calls, a fraction (0.52 for 52 %). */
  minSuccessRate: number;
}

/** Lowest to highest: the order promotions go in. */
export const GRADE_ORDER: readonly AgentGrade[] = [AgentGrade.Intern, AgentGrade.C, AgentGrade.B, AgentGrade.A];

export const gradeRank = (grade: AgentGrade): number => GRADE_ORDER.indexOf(grade);

/** The seed's table: intern 75/11/52 %, C 85/13/58 %, B 90/15/60 %, A 95/17/65 %. */
export const DEFAULT_GRADE_TABLE: readonly GradeThreshold[] = [
  { grade: AgentGrade.Intern, minKpiScore: 75, minCph: 11, minSuccessRate: 0.52 },
  { grade: AgentGrade.C, minKpiScore: 85, minCph: 13, minSuccessRate: 0.58 },
  { grade: AgentGrade.B, minKpiScore: 90, minCph: 15, minSuccessRate: 0.6 },
  { grade: AgentGrade.A, minKpiScore: 95, minCph: 17, minSuccessRate: 0.65 },
];

/** A quarter's figures of one agent; null where there is nothing to compute it from. */
export interface QuarterFigures {
  kpiScore: number | null;
  cph: number | null;
  successRate: number | null;
}

/**
 * Figures are computed by division (calls ÷ hours, successes ÷ calls), so 52 ÷ 100 must count as
 * 52 % whatever the binary noise: a figure within this of its threshold holds it.
 */
const EPSILON = 1e-9;
const atLeast = (value: number, min: number) => value >= min - EPSILON;

/** Whether one grade's three thresholds all hold for the figures (false when one is missing). */
export function holds(threshold: GradeThreshold, f: QuarterFigures): boolean {
  if (f.kpiScore === null || f.cph === null || f.successRate === null) return false;
  return atLeast(f.kpiScore, threshold.minKpiScore) && atLeast(f.cph, threshold.minCph) && atLeast(f.successRate, threshold.minSuccessRate);
}

/** The highest grade whose thresholds all hold; null when none hold or a figure is missing. */
export function eligibleGrade(f: QuarterFigures, table: readonly GradeThreshold[] = DEFAULT_GRADE_TABLE): AgentGrade | null {
  const highestFirst = [...table].sort((a, b) => gradeRank(b.grade) - gradeRank(a.grade));
  return highestFirst.find((t) => holds(t, f))?.grade ?? null;
}

/** What the review proposes: `belowIntern` when no grade holds; null when a figure is missing. */
export type GradeMove = 'promote' | 'keep' | 'demote' | 'belowIntern';

export function gradeMove(current: AgentGrade, f: QuarterFigures, table: readonly GradeThreshold[] = DEFAULT_GRADE_TABLE): GradeMove | null {
  if (f.kpiScore === null || f.cph === null || f.successRate === null) return null;
  const eligible = eligibleGrade(f, table);
  if (eligible === null) return 'belowIntern';
  const diff = gradeRank(eligible) - gradeRank(current);
  return diff > 0 ? 'promote' : diff < 0 ? 'demote' : 'keep';
}

/**
 * Whether the KPI score's 95 % interval (the QA score's, carried over by `kpiIntervalOf` when a
 * scheme weighs in other parts) is too wide to decide the grade on: true when it straddles the KPI
 * threshold of a grade whose CPH and success-rate thresholds hold (there the KPI score alone
 * decides), or when there are too few scores for an interval at all. Null without a KPI score.
 */
export function notEnoughEvidence(interval: ScoreInterval, f: QuarterFigures, table: readonly GradeThreshold[] = DEFAULT_GRADE_TABLE): boolean | null {
  if (interval.mean === null) return null;
  const deciding = decidingThreshold(interval, f, table);
  if (deciding === null) return false;
  if (interval.low === null || interval.high === null) return true;
  return interval.low < deciding && interval.high >= deciding;
}

/**
 * The KPI threshold the grade hangs on: of the grades whose CPH and success-rate thresholds hold,
 * the one nearest to the mean QA score. Null when no grade's other thresholds hold (or are unknown).
 */
export function decidingThreshold(interval: ScoreInterval, f: QuarterFigures, table: readonly GradeThreshold[] = DEFAULT_GRADE_TABLE): number | null {
  if (interval.mean === null || f.cph === null || f.successRate === null) return null;
  const open = table.filter((t) => atLeast(f.cph!, t.minCph) && atLeast(f.successRate!, t.minSuccessRate)).map((t) => t.minKpiScore);
  if (!open.length) return null;
  const mean = interval.mean;
  return open.reduce((best, t) => (Math.abs(t - mean) < Math.abs(best - mean) ? t : best));
}

/** A quarter written YYYY-Qn, e.g. 2026-Q3. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The quarter's first and last local dates, or null when it is not written YYYY-Qn. */
export function quarterDates(quarter: string): { from: string; to: string } | null {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2999) return null;
  const q = Number(m[2]);
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter a local date (YYYY-MM-DD) falls in. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter after this one. */
export function nextQuarter(quarter: string): string {
  const m = QUARTER_PATTERN.exec(quarter)!;
  const q = Number(m[2]);
  return q === 4 ? `${Number(m[1]) + 1}-Q1` : `${m[1]}-Q${q + 1}`;
}

/**
 * The 95 % interval (Student's t, clipped to 0…100) of a mean of n scores with sample standard
 * deviation sd, as `scoreInterval` gives it from the scores themselves; the mean is kept unrounded.
 */
export function intervalOfMean(n: number, mean: number | null, sd: number | null): ScoreInterval {
  if (n === 0 || mean === null) return { n, mean: null, low: null, high: null, halfWidth: null };
  if (n === 1 || sd === null) return { n, mean, low: null, high: null, halfWidth: null };
  const half = tQuantile975(n - 1) * (sd / Math.sqrt(n));
  const round1 = (x: number) => Math.round(x * 10) / 10;
  return { n, mean, low: round1(Math.max(0, mean - half)), high: round1(Math.min(100, mean + half)), halfWidth: round1(half) };
}

/** The approval chain of a promotion, in turn (seed 2.2–2.3): supervisor, deputy manager, manager, director. */
export const APPROVAL_STEPS = ['supervisor', 'deputyManager', 'manager', 'director'] as const;

/** The exam a grade needs passed before a promotion to it is approved (intern: new-hire, C: probation), if any. */
export function examRequiredFor(grade: AgentGrade): 'new-hire' | 'probation' | null {
  return grade === AgentGrade.Intern ? 'new-hire' : grade === AgentGrade.C ? 'probation' : null;
}

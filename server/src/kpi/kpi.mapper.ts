import type { ApprovalStep, Exam, GradeChange, GradeTable, GradingRequest, KpiGradeItem, KpiScheme, Promotion } from '#shared/api/kpi.js';
import {
  APPROVAL_STEPS,
  DEFAULT_GRADE_TABLE,
  decidingThreshold,
  eligibleGrade,
  gradeMove,
  type GradeThreshold,
  intervalOfMean,
  notEnoughEvidence,
} from '#shared/kpi/grades.js';
import { kpiIntervalOf, kpiScoreOf, type KpiWeights } from '#shared/kpi/scheme.js';
import type { KpiSchemeRow } from './kpi-scheme.repository.js';
import type { GradeTableRow, GradingRequestRow, QuarterRow } from './kpi.repository.js';
import type { DecisionRow, ExamRow, GradeChangeRow, PromotionRow } from './promotions.repository.js';

const numberOrNull = (text: string | null) => (text === null ? null : Number(text));

/** One agent's quarter: the figures, the grade the table allows, the move, and how sure the QA score is. */
export function toKpiGradeItem(
  r: QuarterRow,
  table: readonly GradeThreshold[],
  callsRequestedUntil: string | null = null,
  scheme: KpiWeights | null = null,
  values: Readonly<Record<string, number>> = {},
): KpiGradeItem {
  const qaScore = numberOrNull(r.qaMean);
  // The KPI score is the QA score unless the project's scheme in force weighs in other parts (CONTRACT.md).
  const kpiScore = kpiScoreOf(qaScore, values, scheme);
  const figures = { kpiScore, cph: r.hours > 0 ? r.calls / r.hours : null, successRate: r.calls > 0 ? r.successes / r.calls : null };
  const qaInterval = intervalOfMean(r.evaluations, qaScore, numberOrNull(r.qaStddev));
  // Evidence is judged on the KPI score the grade hangs on: the QA interval moved by its weight.
  const interval = kpiIntervalOf(qaInterval, kpiScore, scheme);
  return {
    agent: r.agent,
    grade: r.grade,
    qaScore,
    kpiScore,
    cph: figures.cph,
    successRate: figures.successRate,
    eligible: eligibleGrade(figures, table),
    agentName: r.agentName,
    team: r.team,
    teamName: r.teamName,
    evaluations: r.evaluations,
    qaLow: qaInterval.low,
    qaHigh: qaInterval.high,
    notEnoughEvidence: notEnoughEvidence(interval, figures, table),
    decidingThreshold: decidingThreshold(interval, figures, table),
    move: gradeMove(r.grade, figures, table),
    calls: r.calls,
    hours: r.hours,
    successes: r.successes,
    days: r.days,
    callsRequestedUntil,
    parts: Object.fromEntries((scheme?.parts ?? []).map((p) => [p.code, values[p.code] ?? null])),
  };
}

export const toKpiScheme = (r: KpiSchemeRow): KpiScheme => ({
  id: r.id,
  project: r.project,
  version: r.version,
  status: r.status,
  fromQuarter: r.fromQuarter,
  qaWeight: r.qaWeight,
  parts: r.parts,
  note: r.note,
  createdBy: r.createdBy,
  createdAt: new Date(r.createdAt).toISOString(),
  publishedBy: r.publishedBy,
  publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
});

export const BUILT_IN_GRADE_TABLE: GradeTable = { version: 0, fromQuarter: null, grades: DEFAULT_GRADE_TABLE.map((g) => ({ ...g })), createdBy: null, createdAt: null };

export const toGradeTable = (row: GradeTableRow | null): GradeTable =>
  row
    ? { version: row.version, fromQuarter: row.fromQuarter, grades: row.grades, createdBy: row.createdBy, createdAt: new Date(row.createdAt).toISOString() }
    : BUILT_IN_GRADE_TABLE;

export const toGradingRequest = (r: GradingRequestRow): GradingRequest => ({
  id: r.id,
  agent: r.agent,
  from: r.from,
  to: r.to,
  requestedBy: r.requestedBy,
  createdAt: new Date(r.createdAt).toISOString(),
});

export const toExam = (r: ExamRow): Exam => ({ id: r.id, agent: r.agent, kind: r.kind, date: r.date, score: r.score, passed: r.passed, recordedBy: r.recordedBy });

export function toPromotion(r: PromotionRow, decisions: DecisionRow[]): Promotion {
  const approvers = Object.fromEntries(APPROVAL_STEPS.map((step, k) => [step, r.approvers[k]])) as Record<ApprovalStep, string>;
  return {
    id: r.id,
    agent: r.agent,
    agentName: r.agentName,
    team: r.team,
    fromGrade: r.fromGrade,
    toGrade: r.toGrade,
    quarter: r.quarter,
    reason: r.reason,
    status: r.status,
    currentStep: r.status === 'pending' ? APPROVAL_STEPS[r.approvedSteps] : null,
    approvers,
    decisions: decisions
      .filter((d) => d.promotionId === r.id)
      .map((d) => ({ step: APPROVAL_STEPS[d.step], by: d.by, action: d.action, comment: d.comment, at: new Date(d.at).toISOString() })),
    appliedBy: r.appliedBy,
    appliedAt: new Date(r.createdAt).toISOString(),
    effectiveOn: r.effectiveOn,
  };
}

export const toGradeChange = (r: GradeChangeRow): GradeChange => ({ ...r });

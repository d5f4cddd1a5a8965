import type { GradeTable, GradingRequest, KpiGradeItem } from '#shared/api/kpi.js';
import { DEFAULT_GRADE_TABLE, decidingThreshold, eligibleGrade, gradeMove, type GradeThreshold, intervalOfMean, notEnoughEvidence } from '#shared/kpi/grades.js';
import type { GradeTableRow, GradingRequestRow, QuarterRow } from './kpi.repository.js';

const numberOrNull = (text: string | null) => (text === null ? null : Number(text));

/** One agent's quarter: the figures, the grade the table allows, the move, and how sure the QA score is. */
export function toKpiGradeItem(r: QuarterRow, table: readonly GradeThreshold[], callsRequestedUntil: string | null = null): KpiGradeItem {
  const qaScore = numberOrNull(r.qaMean);
  // No project configures other weights yet: the KPI score is the QA score (CONTRACT.md).
  const kpiScore = qaScore;
  const figures = { kpiScore, cph: r.hours > 0 ? r.calls / r.hours : null, successRate: r.calls > 0 ? r.successes / r.calls : null };
  const interval = intervalOfMean(r.evaluations, qaScore, numberOrNull(r.qaStddev));
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
    qaLow: interval.low,
    qaHigh: interval.high,
    notEnoughEvidence: notEnoughEvidence(interval, figures, table),
    decidingThreshold: decidingThreshold(interval, figures, table),
    move: gradeMove(r.grade, figures, table),
    calls: r.calls,
    hours: r.hours,
    successes: r.successes,
    days: r.days,
    callsRequestedUntil,
  };
}

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

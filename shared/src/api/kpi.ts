/** Quarterly KPI grading as `/api/kpi` answers it (CONTRACT.md "KPI grading"). */
import type { AgentGrade } from '../org.js';
import type { GradeMove, GradeThreshold } from '../kpi/grades.js';
import type { KpiPartWeight } from '../kpi/scheme.js';

export type { KpiPartWeight };

/** `PUT /api/kpi/operational`: how many agent-days were stored or replaced. */
export interface OperationalUpsertResult {
  upserted: number;
}

/** One agent's quarter (CONTRACT.md fields first; the rest is what the review page shows). */
export interface KpiGradeItem {
  /** Employee number. */
  agent: string;
  /** The agent's current grade. */
  grade: AgentGrade;
  /** Mean score of the quarter's submitted evaluations (fatal ones 0, calibration left out); null without any. */
  qaScore: number | null;
  /** The QA score unless the project's KPI scheme in force for the quarter weighs in other parts (none by default). */
  kpiScore: number | null;
  /** Calls ÷ hours over the quarter; null without hours. */
  cph: number | null;
  /** Successes ÷ calls over the quarter, a fraction; null without calls. */
  successRate: number | null;
  /** The highest grade whose three thresholds all hold; null when none hold or a figure is missing. */
  eligible: AgentGrade | null;
  agentName: string;
  /** Team code. */
  team: string;
  teamName: string;
  /** How many evaluations the QA score rests on. */
  evaluations: number;
  /** The QA score's 95 % interval (Student's t); null below two evaluations. */
  qaLow: number | null;
  qaHigh: number | null;
  /** The interval straddles the KPI threshold the grade hangs on: add calls before deciding. Null without a QA score. */
  notEnoughEvidence: boolean | null;
  /** That threshold, when there is one. */
  decidingThreshold: number | null;
  /** Promote, keep, demote or below intern; null when a figure is missing. */
  move: GradeMove | null;
  /** The quarter's operational totals. */
  calls: number;
  hours: number;
  successes: number;
  /** Days of operational figures in the quarter. */
  days: number;
  /** The last day whose sampling run adds one of the agent's calls for grading (a request still running), or null. */
  callsRequestedUntil: string | null;
  /** The agent's value of each part of the scheme in force (by part code), null where none was imported; empty without a scheme. */
  parts: Record<string, number | null>;
}

/** The grade table a quarter is reviewed against: the seed's (version 0) unless a supervisor set one. */
export interface GradeTable {
  /** 0 for the built-in table of DOMAIN.md. */
  version: number;
  /** The first quarter it applies to; null for the built-in one. */
  fromQuarter: string | null;
  grades: GradeThreshold[];
  /** Username; null for the built-in one. */
  createdBy: string | null;
  /** ISO 8601; null for the built-in one. */
  createdAt: string | null;
}

/** `GET /api/kpi/grades?quarter=YYYY-Qn&project=CODE`. */
export interface KpiGrades {
  quarter: string;
  /** Project code. */
  project: string;
  /** The quarter's first and last local dates. */
  from: string;
  to: string;
  gradeTable: GradeTable;
  /** The project's KPI scheme in force for the quarter; null: the KPI score is the QA score. */
  scheme: KpiScheme | null;
  items: KpiGradeItem[];
}

export type KpiSchemeStatus = 'draft' | 'published';

/**
 * A version of a project's KPI scheme: the QA score's weight and the imported parts', adding up
 * to 100. A draft is edited and published; a published version never changes and applies from its
 * quarter on, until a later published version's quarter.
 */
export interface KpiScheme {
  id: string;
  /** Project code. */
  project: string;
  /** 1, 2, … per project. */
  version: number;
  status: KpiSchemeStatus;
  /** The first quarter it applies to, YYYY-Qn. */
  fromQuarter: string;
  /** The QA score's weight in per cent. */
  qaWeight: number;
  parts: KpiPartWeight[];
  note: string | null;
  /** Username. */
  createdBy: string;
  /** ISO 8601 */
  createdAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

/** `GET /api/kpi/schemes?project=CODE`: the project's versions, newest first. */
export interface KpiSchemeList {
  project: string;
  items: KpiScheme[];
}

/** `PUT /api/kpi/parts`: how many agent-quarter-part values were stored or replaced. */
export interface PartsUpsertResult {
  upserted: number;
}

/** `POST /api/kpi/operational/import`: the rows of an uploaded sheet, stored all or nothing. */
export interface OperationalImportResult {
  upserted: number;
}

/** `GET /api/kpi/grade-tables`: every version, newest first, and the built-in one last. */
export interface GradeTableList {
  items: GradeTable[];
}
/** `POST /api/kpi/grading-requests`: the agent's calls are added to the sampling runs from `from` to `to`. */
export interface GradingRequest {
  id: string;
  /** Employee number. */
  agent: string;
  /** Local dates of the sampling runs that add one of the agent's calls with reason `grading`. */
  from: string;
  to: string;
  requestedBy: string;
  /** ISO 8601 */
  createdAt: string;
}

/** New-hire (入职) and probation (转正) exams: intern needs the first passed, C the second (DOMAIN.md). */
export type ExamKind = 'new-hire' | 'probation';

export interface Exam {
  id: string;
  /** Employee number. */
  agent: string;
  kind: ExamKind;
  /** Local date YYYY-MM-DD. */
  date: string;
  score: number;
  passed: boolean;
  recordedBy: string;
}

export interface ExamList {
  items: Exam[];
}

/** The approval chain of a promotion (2.2–2.3), in turn. */
export type ApprovalStep = 'supervisor' | 'deputyManager' | 'manager' | 'director';

export type PromotionStatus = 'pending' | 'approved' | 'rejected';

export interface PromotionDecision {
  step: ApprovalStep;
  /** Username. */
  by: string;
  action: 'approve' | 'reject';
  comment: string | null;
  /** ISO 8601 */
  at: string;
}

export interface Promotion {
  id: string;
  /** Employee number. */
  agent: string;
  agentName: string;
  team: string;
  fromGrade: AgentGrade;
  toGrade: AgentGrade;
  /** The quarter reviewed, YYYY-Qn. */
  quarter: string;
  reason: string | null;
  status: PromotionStatus;
  /** The step waiting for its approver; null once approved or rejected. */
  currentStep: ApprovalStep | null;
  /** The named approver (username) of each step. */
  approvers: Record<ApprovalStep, string>;
  decisions: PromotionDecision[];
  appliedBy: string;
  /** ISO 8601 */
  appliedAt: string;
  /** The local date the grade changed, once approved. */
  effectiveOn: string | null;
}

export interface PromotionList {
  total: number;
  items: Promotion[];
}

/** One change of an agent's grade, kept for good. */
export interface GradeChange {
  /** Employee number. */
  agent: string;
  fromGrade: AgentGrade;
  toGrade: AgentGrade;
  /** Local date YYYY-MM-DD. */
  effectiveOn: string;
  /** The promotion that made it, if any. */
  promotionId: string | null;
  changedBy: string;
}

/**
 * `GET /api/kpi/promotions/notifications`: what the user's home page tells him about promotions —
 * the applications waiting for his step, and those he applied for or was named on that were decided
 * in the last `days` days (newest decision first).
 */
export interface PromotionNotifications {
  awaiting: Promotion[];
  decided: Promotion[];
  days: number;
}

export interface GradeHistory {
  items: GradeChange[];
}

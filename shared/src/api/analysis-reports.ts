/**
 * Daily, weekly and monthly analysis reports (seed 11.9, 11.1, 7.9), kept as a snapshot per kind,
 * period and project, and published to the teams (11.10).
 */

export type AnalysisReportKind = 'daily' | 'weekly' | 'monthly';

/** Submitted, non-calibration evaluations of the period's calls (local call dates). */
export interface ReportFigures {
  evaluations: number;
  /** Mean score, a fatal evaluation counting 0; null without evaluations. */
  averageScore: number | null;
  /** How many were fatal, and their share (a fraction; null without evaluations). */
  fatal: number;
  fatalRate: number | null;
}

/** Coaching items created from the period's evaluations, by their status when the report was made. */
export interface CoachingCounts {
  open: number;
  coached: number;
  improved: number;
  resolved: number;
}

/**
 * A team's rectification notices: issued in the period; and, as they stood when the report was made,
 * not closed, and not closed although their deadline is on or before the period's last day.
 */
export interface RectificationCounts {
  issued: number;
  open: number;
  overdue: number;
}

export interface TeamReport extends ReportFigures {
  /** Team code and name. */
  team: string;
  teamName: string;
  coaching: CoachingCounts;
  rectification: RectificationCounts;
}

/** One agent's roll-up of the period (7.9: the monthly per-agent score roll-up for team leads). */
export interface AgentReport extends ReportFigures {
  /** Employee number and name. */
  agent: string;
  agentName: string;
  team: string;
  minScore: number | null;
  maxScore: number | null;
  /** Coaching items of the period not yet coached. */
  openCoaching: number;
}

/** A checklist item's defects in one team: how many evaluations scored it (not N/A) and how many failed it. */
export interface ItemReport {
  team: string;
  code: string;
  title: string;
  evaluated: number;
  failures: number;
}

/** One local call day of one team. */
export interface ReportTrendPoint extends ReportFigures {
  date: string;
  team: string;
}

/** A fatal evaluation of the day (daily report). */
export interface FatalCall {
  evaluationId: string;
  recordingId: string;
  agent: string;
  agentName: string;
  team: string;
  inspector: string;
  /** The failed critical items' codes. */
  codes: string[];
  /** ISO 8601 */
  callStartedAt: string;
}

/** A team's common problem (共性) of the day that was not one over the seven days before (daily report). */
export interface NewCommonProblem {
  team: string;
  code: string;
  agents: number;
  failures: number;
}

/** A rectification notice not closed (when the report was made) although its deadline was on or before the day (daily report). */
export interface OverdueNotice {
  id: string;
  team: string;
  codes: string[];
  deadline: string;
  status: string;
}

export interface AnalysisReportContent {
  overall: ReportFigures;
  teams: TeamReport[];
  agents: AgentReport[];
  items: ItemReport[];
  trend: ReportTrendPoint[];
  /** The daily report's lists (empty in the weekly and monthly ones). */
  fatalCalls: FatalCall[];
  newCommonProblems: NewCommonProblem[];
  overdueNotices: OverdueNotice[];
}

/** A report as listed. */
export interface AnalysisReportSummary {
  id: string;
  kind: AnalysisReportKind;
  /** Project code and name. */
  project: string;
  projectName: string;
  /** The period's first and last local days, YYYY-MM-DD. */
  from: string;
  to: string;
  /** ISO 8601; `generatedBy` null when the schedule made it. */
  generatedAt: string;
  generatedBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  /** Whether the caller has opened it since it was published (false while unpublished). */
  read: boolean;
}

/** A report with its figures, limited to the caller's teams. */
export interface AnalysisReport extends AnalysisReportSummary {
  content: AnalysisReportContent;
}

export interface UnreadReports {
  /** Published reports of the caller's teams that he has not opened. */
  count: number;
}

/** Reports as `/api/reports` answers them (CONTRACT.md "Follow-up: coaching, problems, rectification"). */

/** A whole ISO week (Monday to Sunday) or a whole calendar month: what an improvement plan is kept for. */
export type ProblemPeriod = 'week' | 'month';

/**
 * The `project` of the dashboard's figures (summary, trend, teams, team agents, inspectors, an
 * inspector's consistency) that stands for every project in the caller's scope: never a project code,
 * which starts with a letter or digit.
 */
export const ALL_PROJECTS = '*';

/** The team lead's improvement plan for one common problem of his team over one week or month. */
export interface ProblemPlan {
  /** Team code. */
  team: string;
  /** Checklist item code. */
  code: string;
  period: ProblemPeriod;
  /** The period's first day, YYYY-MM-DD (a Monday, or the 1st of the month). */
  from: string;
  /** What will be done about it. */
  text: string;
  /** Who sees it through (a name, free text). */
  owner: string;
  /** By when, YYYY-MM-DD. */
  due: string;
  /** Bumped on every save; a save carrying an older one is refused (STALE_REVISION). */
  revision: number;
  /** Username of who saved it last. */
  updatedBy: string;
  /** ISO 8601 */
  updatedAt: string;
}

/** An item failed by enough of a team's agents to be the team's problem (共性). */
export interface CommonProblem {
  code: string;
  /** How many of the team's agents failed it at least once. */
  agents: number;
  /** How many evaluations failed it. */
  failures: number;
  /** Its improvement plan, present only when the period is a whole week or month and one is kept. */
  plan?: ProblemPlan;
}

/** An item one agent failed that is not a common problem of his team (个性). */
export interface IndividualProblem {
  /** Employee number. */
  agent: string;
  code: string;
  failures: number;
}

export interface TeamProblems {
  /** Team code. */
  team: string;
  /** Agents of the team with at least one submitted evaluation (calibration aside) in the period. */
  evaluatedAgents: number;
  common: CommonProblem[];
  individual: IndividualProblem[];
}

/** `GET /api/reports/problems?project=CODE&from=YYYY-MM-DD&to=YYYY-MM-DD`. */
export interface ProblemsReport {
  teams: TeamProblems[];
}

/** When a problem counts as common in a project: `GET`/`PUT /api/reports/problems/settings`. */
export interface ProblemSettings {
  /** Project code. */
  project: string;
  /** At least this many agents failed it (default 2). */
  minAgents: number;
  /** And at least this share of the team's evaluated agents, a fraction (default 0.3). */
  minShare: number;
}

/** How often one checklist item was scored (not N/A) and failed in the period's evaluations. */
export interface SummaryItem {
  code: string;
  evaluated: number;
  failures: number;
}

/** How often one automatically checked rule was checked (a verdict other than N/A) and failed over the period's calls. */
export interface SummaryMachineRule {
  code: string;
  calls: number;
  failures: number;
}

/**
 * `GET /api/reports/summary` (CONTRACT.md "Reports for other systems"): the submitted, non-calibration
 * evaluations of the period's calls, and the machine's verdicts on every call of the period with a
 * transcript.
 */
export interface ReportSummary {
  evaluations: number;
  /** Mean score, a fatal evaluation counting 0; null when there is no evaluation. */
  averageScore: number | null;
  /** Share of fatal evaluations, a fraction; null when there is no evaluation. */
  fatalRate: number | null;
  items: SummaryItem[];
  machine: SummaryMachineRule[];
}

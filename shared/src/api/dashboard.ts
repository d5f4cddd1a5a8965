/**
 * The quality supervisor's dashboard (issue 12) as `/api/reports/*` answers it, beside the summary of
 * `reports.ts`. Every figure is over the submitted, non-calibration evaluations of the period's calls
 * (local call dates), in the caller's scope, read from the daily roll-ups; every count here equals the
 * `total` of the evaluations list opened with the same filters.
 */

/** How the trend groups its points: a point a day, an ISO week (from its Monday) or a calendar month. */
export type TrendBucket = 'day' | 'week' | 'month';

/** A 95 % interval; both ends null when there is too little to say (fewer than 2 evaluations). */
export interface Interval {
  low: number | null;
  high: number | null;
}

/** One point of the trend: the evaluations of the calls of `from`…`to` (one bucket, clipped to the period). */
export interface TrendPoint {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
  evaluations: number;
  /** Mean score, fatal ones counting 0; null without evaluations. */
  averageScore: number | null;
  /** Student-t interval of the mean score. */
  scoreInterval: Interval;
  /** Share of fatal evaluations, a fraction; null without evaluations. */
  fatalRate: number | null;
  /** Wilson interval of the fatal share. */
  fatalInterval: Interval;
}

/** `GET /api/reports/trend?project=CODE&from&to&bucket=day|week|month` (optional `team`). */
export interface ScoreTrend {
  bucket: TrendBucket;
  /** Every bucket of the period in order, empty ones included (evaluations 0). */
  points: TrendPoint[];
}

/** One team of the project side by side with the others. */
export interface TeamFigures {
  /** Team code. */
  team: string;
  name: string;
  evaluations: number;
  averageScore: number | null;
  scoreInterval: Interval;
  fatalRate: number | null;
  /** Coaching items of the team's agents open now (not only the period's). */
  openCoachingItems: number;
  /** Rectification notices of the team not closed now. */
  openNotices: number;
}

/** `GET /api/reports/teams?project=CODE&from&to`: the teams in the caller's scope, worst average first. */
export interface TeamsFigures {
  teams: TeamFigures[];
}

/** One agent of a team, ranked. */
export interface AgentFigures {
  /** Employee number. */
  agent: string;
  name: string;
  evaluations: number;
  averageScore: number | null;
  /** Student-t interval of the mean score, as the sampling page's confidence table computes it. */
  scoreInterval: Interval;
  fatal: number;
  /** Failed items over the period's evaluations. */
  failures: number;
}

/** `GET /api/reports/team-agents?project=CODE&team=CODE&from&to`: the team's evaluated agents, lowest average first. */
export interface TeamAgentsFigures {
  team: string;
  agents: AgentFigures[];
}

/** One inspector's own work over the period (DOMAIN.md: the supervisor supervises the inspectors, 5.4). */
export interface InspectorFigures {
  /** Username. */
  inspector: string;
  name: string;
  evaluations: number;
  /** Evaluations per day on which the inspector submitted at least one. */
  perDay: number;
  /** Median seconds from opening the draft to submitting it, over workspace evaluations; null without any. */
  medianSeconds: number | null;
  /** Median length in seconds of the calls evaluated. */
  medianCallSeconds: number | null;
  averageScore: number | null;
  /** Standard deviation of the scores given. */
  scoreSpread: number | null;
  /** This inspector's mean minus the mean of the other inspectors of the project over the period: < 0 strict, > 0 lenient. */
  deviation: number | null;
  /** Evaluations of this inspector that a supervisor amended. */
  amendments: number;
}

/** `GET /api/reports/inspectors?project=CODE&from&to`: supervisors and admins only. */
export interface InspectorsFigures {
  inspectors: InspectorFigures[];
}

/** One inspector's scores against other inspectors' on similar calls, amendments and agreement over a stretch of time. */
export interface ConsistencyFigures {
  /** Submitted evaluations (calibration aside) whose calls fall in the stretch. */
  evaluations: number;
  averageScore: number | null;
  /** Standard deviation of the scores this inspector gave. */
  scoreSpread: number | null;
  /**
   * Mean of (this inspector's score − the other inspectors' mean on similar calls: same business type,
   * direction and length band), over the evaluations that have such peers; < 0 strict, > 0 lenient.
   */
  similarDeviation: number | null;
  /** How many of the evaluations had peers on similar calls (what similarDeviation rests on). */
  compared: number;
  /** Standard deviation of the other inspectors' scores on the same similar calls, for scale. */
  peerSpread: number | null;
  /** Evaluations of this inspector that were amended afterwards. */
  amendments: number;
}

/** One bucket of the consistency trend: its first and last days (clipped to the period) and its figures. */
export interface ConsistencyBucket extends ConsistencyFigures {
  from: string;
  to: string;
}

/** A count out of a total with its share and 95 % Wilson interval (fractions; nulls when the total is 0). */
export interface ConsistencyShare {
  /** What the share is out of. */
  total: number;
  /** What it counts. */
  count: number;
  rate: number | null;
  low: number | null;
  high: number | null;
}

/**
 * Agreement of an inspector's final verdicts with one automatic rule (its N/A aside), split honestly
 * (issue 15): `blind` over his evaluations scored blind (the machine's verdict hidden until submit), the
 * honest agreement; `overturned` over those that showed it as a pre-filled suggestion, how often he
 * changed it (agreement there leans on the suggestion: anchoring). `evaluated`, `agreed` and `rate` are
 * over both together.
 */
export interface InspectorRuleAgreement {
  code: string;
  /** Items the machine suggested pass or fail on (its N/A aside). */
  evaluated: number;
  agreed: number;
  /** agreed / evaluated with its 95 % Wilson interval (fractions); nulls without any. */
  rate: number | null;
  low: number | null;
  high: number | null;
  /** Blind evaluations: count = items whose final verdict is the machine's, of total blind items. */
  blind: ConsistencyShare;
  /** Suggestions shown: count = items whose final verdict differs from the suggestion, of total such items. */
  overturned: ConsistencyShare;
}

/**
 * The inspector's agreement in calibration (issue 15): over the revealed sessions he took part in
 * (revealed in the period), count = his verdicts equal to the session's reference (the benchmark's, or
 * the participants' majority; a tie agrees with nothing), of total verdicts he gave.
 */
export interface ConsistencyCalibration extends ConsistencyShare {
  sessions: number;
}

/**
 * Items disputed by team leads on this inspector's evaluations of the period's calls, and how many were
 * upheld against him (issue 15): upheldRate = upheldItems ÷ disputedItems, null without any.
 */
export interface ConsistencyDisputes {
  disputedItems: number;
  upheldItems: number;
  upheldRate: number | null;
}

/** The period's figures, with the disputes raised against the inspector and his calibration agreement. */
export interface ConsistencyTotals extends ConsistencyFigures {
  disputes: ConsistencyDisputes;
  calibration: ConsistencyCalibration;
}

/** `GET /api/reports/inspector-consistency?project&inspector&from&to` (supervisors and admins). */
export interface InspectorConsistency {
  inspector: string;
  name: string;
  /** The trend's buckets: weeks for up to 13 weeks, months beyond. */
  bucket: 'week' | 'month';
  totals: ConsistencyTotals;
  trend: ConsistencyBucket[];
  rules: InspectorRuleAgreement[];
}

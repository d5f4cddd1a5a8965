/**
 * The one table of the app's page URLs: each page's route pattern (`path`, as app/router.tsx declares
 * it) and `getHref(...)`, the link to one of its pages. Links and navigations build URLs here, never by
 * hand. The URLs are what bookmarks and the browser tests open: a change here changes them all.
 *
 * No imports on purpose: the unit tests load this file outside the web build.
 */

type QueryValue = string | number | null | undefined;

/** `path?a=1&b=x` with the given values in the given order; empty ones are left out, each value encoded. */
export function withQuery(path: string, query: Record<string, QueryValue> = {}): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== null && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

/** The evaluations list's filters (see `paths.evaluations`). */
export interface EvaluationsQuery {
  from?: string;
  to?: string;
  project?: string;
  team?: string;
  agent?: string;
  code?: string;
  /** `draft`: one's own drafts left open instead of the submitted evaluations. */
  status?: 'draft';
  inspector?: string;
  fatal?: boolean;
  calibration?: boolean;
  amended?: boolean;
}

const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

/** The dashboard's address: its project and period (see `paths.dashboard`). */
export interface DashboardQuery {
  project?: string;
  period?: string;
  date?: string;
  from?: string;
  to?: string;
  bucket?: string;
}

const dashboardQuery = (q: DashboardQuery) => ({ project: q.project, period: q.period, date: q.date, from: q.from, to: q.to, bucket: q.bucket });

/** A path segment taken from data (an employee number may hold any character). */
const segment = (value: string) => encodeURIComponent(value);

export const paths = {
  home: { path: '/', getHref: () => '/' },
  login: { path: '/login', getHref: () => '/login' },
  projects: { path: '/projects', getHref: () => '/projects' },
  teams: { path: '/teams', getHref: () => '/teams' },
  agents: { path: '/agents', getHref: () => '/agents' },
  /** An agent's file, by employee number. */
  agent: { path: '/agents/:employeeNo', getHref: (employeeNo: string) => `/agents/${segment(employeeNo)}` },
  users: { path: '/users', getHref: () => '/users' },
  audit: { path: '/audit', getHref: () => '/audit' },
  exports: { path: '/exports', getHref: () => '/exports' },
  checklists: { path: '/checklists', getHref: () => '/checklists' },
  /**
   * The evaluations list, filtered by local call dates, project, team code, employee number, failed item
   * code, inspector's username, fatal or not, calibration or not (the dashboard's figures leave calibration
   * out) and amended or not.
   */
  evaluations: {
    path: '/evaluations',
    getHref: (filter: EvaluationsQuery = {}) =>
      withQuery('/evaluations', {
        from: filter.from,
        to: filter.to,
        project: filter.project,
        team: filter.team,
        agent: filter.agent,
        code: filter.code,
        status: filter.status,
        inspector: filter.inspector,
        fatal: flag(filter.fatal),
        calibration: flag(filter.calibration),
        amended: flag(filter.amended),
      }),
  },
  /**
   * The supervisor's dashboard: a project's figures for a day, week, month, quarter (`period`, holding
   * `date`) or a custom `from`–`to`, against the period before; `bucket` rolls the trend up by day, week or month.
   */
  dashboard: {
    path: '/dashboard',
    getHref: (query: DashboardQuery = {}) => withQuery('/dashboard', dashboardQuery(query)),
  },
  /** One inspector's consistency over the dashboard's project and period (supervisors and admins). */
  dashboardInspector: {
    path: '/dashboard/inspectors/:inspector',
    getHref: (inspector: string, query: DashboardQuery = {}) => withQuery(`/dashboard/inspectors/${segment(inspector)}`, dashboardQuery(query)),
  },
  /** One team of the dashboard's project and period: its trend and its agents ranked, each with an interval. */
  dashboardTeam: {
    path: '/dashboard/teams/:team',
    getHref: (team: string, query: DashboardQuery = {}) => withQuery(`/dashboard/teams/${segment(team)}`, dashboardQuery(query)),
  },
  /** Common and individual problems of a project's teams over a week or month. */
  problems: {
    path: '/problems',
    getHref: (query: { project?: string; period?: string; date?: string } = {}) => withQuery('/problems', query),
  },
  /** The quarterly grade review of a project's agents. */
  kpi: {
    path: '/kpi',
    getHref: (query: { project?: string; quarter?: string } = {}) => withQuery('/kpi', query),
  },
  recordings: { path: '/recordings', getHref: () => '/recordings' },
  /** One call: player, transcript and the machine's verdicts; `t` (seconds) puts the player at that moment. */
  recording: {
    path: '/recordings/:id',
    getHref: (id: string, options: { t?: number | null } = {}) => withQuery(`/recordings/${segment(id)}`, { t: options.t ?? undefined }),
  },
  /** Who played or downloaded which call; `recordingId` narrows it to one call. */
  accessLog: {
    path: '/recordings/access-log',
    getHref: (filter: { recordingId?: string } = {}) => withQuery('/recordings/access-log', filter),
  },
  /** The listener's queue: without a date everything open plus the last week's, with one that day's sampled calls. */
  queue: { path: '/queue', getHref: (query: { date?: string } = {}) => withQuery('/queue', query) },
  sampling: { path: '/sampling', getHref: () => '/sampling' },
  /** The team lead's coaching items; one item with its defects, one-to-ones and acknowledgement. */
  coaching: { path: '/coaching', getHref: (filter: { team?: string; status?: string } = {}) => withQuery('/coaching', { team: filter.team, status: filter.status }) },
  coachingItem: { path: '/coaching/:id', getHref: (id: string) => `/coaching/${segment(id)}` },
  /** Rectification notices (整改通知书): the list, one notice, and issuing one (team and items preselected, evidence from `from` to `to`). */
  rectificationNotices: {
    path: '/rectification-notices',
    getHref: (filter: { team?: string; status?: string } = {}) => withQuery('/rectification-notices', { team: filter.team, status: filter.status }),
  },
  rectificationNotice: { path: '/rectification-notices/:id', getHref: (id: string) => `/rectification-notices/${segment(id)}` },
  rectificationIssue: {
    path: '/rectification-notices/new',
    getHref: (query: { team?: string; codes?: string[]; from?: string; to?: string } = {}) =>
      withQuery('/rectification-notices/new', { team: query.team, codes: query.codes?.join(','), from: query.from, to: query.to }),
  },
  /**
   * Disputes of evaluations (issue 15): the list (`status`; `tab` `list`, `summary` or `acknowledge`,
   * the lead's evaluations to accept or dispute) and one dispute with its steps.
   */
  disputes: {
    path: '/disputes',
    getHref: (query: { status?: string; tab?: 'list' | 'summary' | 'acknowledge' | 'window' } = {}) => withQuery('/disputes', { tab: query.tab, status: query.status }),
  },
  dispute: { path: '/disputes/:id', getHref: (id: string) => `/disputes/${segment(id)}` },
  /** Daily, weekly and monthly analysis reports: the list (kind and project in the address) and one report. */
  analysisReports: {
    path: '/analysis-reports',
    getHref: (query: { kind?: string; project?: string } = {}) => withQuery('/analysis-reports', query),
  },
  analysisReport: { path: '/analysis-reports/:id', getHref: (id: string) => `/analysis-reports/${segment(id)}` },
  /** The FAQ: search (`q`) for everyone, drafts for its maintainers; one entry; the maintainers' inbox of proposals. */
  faq: { path: '/faq', getHref: (query: { q?: string; status?: string } = {}) => withQuery('/faq', query) },
  faqEntry: { path: '/faq/entries/:id', getHref: (id: string) => `/faq/entries/${segment(id)}` },
  faqInbox: { path: '/faq/inbox', getHref: () => '/faq/inbox' },
  /** Calibration sessions (issue 15): the list (and creating one), and one session with its results. */
  calibrationSessions: {
    path: '/calibration',
    /** `status`: `open`, `ready` (ready to reveal: the supervisor's home counts these) or `revealed`. */
    getHref: (query: { status?: 'open' | 'ready' | 'revealed' } = {}) => withQuery('/calibration', query),
  },
  calibrationSession: { path: '/calibration/:id', getHref: (id: string) => `/calibration/${segment(id)}` },
  /** Example calls for the weekly sharing (issue 14): the examples (`tab` absent) and the sharing sessions (`tab=sessions`). */
  /** How long each project keeps its calls' audio (issue 16). */
  retention: { path: '/retention', getHref: () => '/retention' },
  examples: { path: '/examples', getHref: (query: { tab?: 'sessions' } = {}) => withQuery('/examples', query) },
  /**
   * The scoring workspace of a call. `source` says why it is scored (the page picks one by role when
   * absent); `evaluation` opens a given evaluation read-only.
   */
  evaluate: {
    path: '/evaluate/:recordingId',
    getHref: (recordingId: string, options: { source?: string; evaluation?: string } = {}) =>
      withQuery(`/evaluate/${segment(recordingId)}`, { source: options.source, evaluation: options.evaluation }),
  },
} as const;

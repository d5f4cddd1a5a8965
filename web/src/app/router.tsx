import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFound } from '#web/components/errors/not-found';
import { RouteError } from '#web/components/errors/route-error';
import { AppShell } from '#web/components/layout/app-shell';
import { PageSpin } from '#web/components/page-spin';
import { NAVIGATION, type NavKey } from '#web/config/navigation';
import { paths } from '#web/config/paths';
import type { Permission } from '#web/lib/authorization';
import { RequirePermission, RequireSignIn } from './guards';

type Lazy = NonNullable<RouteObject['lazy']>;
const page =
  (load: () => Promise<{ default: ComponentType }>): Lazy =>
  async () => ({ Component: (await load()).default });

/** Each nav key's page, loaded on first visit. Keyed by NavKey: a row in NAVIGATION without a page fails the type check. */
const PAGES: Record<NavKey, Lazy> = {
  home: page(() => import('./home/home')),
  projects: page(() => import('#web/features/org/routes/projects')),
  teams: page(() => import('#web/features/org/routes/teams')),
  agents: page(() => import('#web/features/org/routes/agents')),
  users: page(() => import('#web/features/org/routes/users')),
  audit: page(() => import('#web/features/audit/routes/audit-log')),
  exports: page(() => import('#web/features/exports/routes/exports')),
  checklists: page(() => import('#web/features/checklists/routes/checklists')),
  evaluations: page(() => import('#web/features/evaluations/routes/evaluations')),
  recordings: page(() => import('#web/features/recordings/routes/recordings')),
  'access-log': page(() => import('#web/features/recordings/routes/access-log')),
  queue: page(() => import('#web/features/sampling/routes/queue')),
  sampling: page(() => import('#web/features/sampling/routes/sampling')),
  dashboard: page(() => import('#web/features/reports/routes/dashboard')),
  problems: page(() => import('#web/features/reports/routes/problems')),
  coaching: page(() => import('#web/features/coaching/routes/coaching')),
  disputes: page(() => import('#web/features/disputes/routes/disputes')),
  rectification: page(() => import('#web/features/rectification/routes/notices')),
  'analysis-reports': page(() => import('#web/features/analysis-reports/routes/reports')),
  kpi: page(() => import('#web/features/kpi/routes/kpi')),
  faq: page(() => import('#web/features/faq/routes/faq')),
  'faq-inbox': page(() => import('#web/features/faq/routes/faq-inbox')),
  examples: page(() => import('#web/features/examples/routes/examples')),
  calibration: page(() => import('#web/features/calibration/routes/calibration-sessions')),
  retention: page(() => import('#web/features/retention/routes/retention')),
};

const guarded: RouteObject[] = NAVIGATION.map((item) => ({
  element: <RequirePermission permission={item.permission} />,
  children: [item.path === paths.home.path ? { index: true, lazy: PAGES[item.key] } : { path: item.path, lazy: PAGES[item.key] }],
}));

/** Pages opened by a link rather than from the menu, each with the permission that opens it. */
const DETAIL_PAGES: { path: `/${string}`; permission: Permission; lazy: Lazy }[] = [
  {
    path: paths.agent.path,
    permission: 'org.agent.read',
    lazy: page(() => import('#web/features/org/routes/agent-page')),
  },
  {
    path: paths.recording.path,
    permission: 'recording.read',
    lazy: page(() => import('#web/features/recordings/routes/recording-player')),
  },
  {
    path: paths.evaluate.path,
    permission: 'evaluation.score',
    lazy: page(() => import('#web/features/evaluations/routes/evaluate')),
  },
  {
    path: paths.dashboardInspector.path,
    permission: 'report.inspectors',
    lazy: page(() => import('#web/features/reports/routes/dashboard-inspector')),
  },
  {
    path: paths.dashboardTeam.path,
    permission: 'report.summary',
    lazy: page(() => import('#web/features/reports/routes/dashboard-team')),
  },
  {
    path: paths.calibrationSession.path,
    permission: 'calibration.read',
    lazy: page(() => import('#web/features/calibration/routes/calibration-session')),
  },
  {
    path: paths.coachingItem.path,
    permission: 'coaching.read',
    lazy: page(() => import('#web/features/coaching/routes/coaching-item')),
  },
  {
    path: paths.faqEntry.path,
    permission: 'faq.read',
    lazy: page(() => import('#web/features/faq/routes/faq-entry')),
  },
  {
    path: paths.rectificationIssue.path,
    permission: 'rectification.issue',
    lazy: page(() => import('#web/features/rectification/routes/issue-notice')),
  },
  {
    path: paths.rectificationNotice.path,
    permission: 'rectification.read',
    lazy: page(() => import('#web/features/rectification/routes/notice')),
  },
  {
    path: paths.dispute.path,
    permission: 'dispute.read',
    lazy: page(() => import('#web/features/disputes/routes/dispute')),
  },
  {
    path: paths.analysisReport.path,
    permission: 'report.analysis.read',
    lazy: page(() => import('#web/features/analysis-reports/routes/report')),
  },
];

const details: RouteObject[] = DETAIL_PAGES.map((detail) => ({
  element: <RequirePermission permission={detail.permission} />,
  children: [{ path: detail.path, lazy: detail.lazy }],
}));

export const router = createBrowserRouter([
  {
    path: paths.login.path,
    lazy: page(() => import('#web/features/auth/routes/login')),
    HydrateFallback: PageSpin,
    errorElement: <RouteError />,
  },
  {
    path: paths.home.path,
    element: (
      <RequireSignIn>
        <AppShell />
      </RequireSignIn>
    ),
    HydrateFallback: PageSpin,
    errorElement: <RouteError />,
    children: [{ errorElement: <RouteError />, children: [...guarded, ...details, { path: '*', element: <NotFound /> }] }],
  },
]);

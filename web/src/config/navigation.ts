import type { Role } from '#shared/org';
import { can, type Permission } from '#shared/permissions';
import { paths } from './paths';

/**
 * The one table of the app's pages: nav key → path → the permission that opens it → i18n label and help text.
 * The side menu, the home page and the route guards all read it; a new page adds a row here and
 * its component in app/router.tsx (the type check insists on both); its URL comes from config/paths.ts.
 */
export const NAVIGATION = [
  { key: 'home', path: paths.home.path, permission: 'session.own', label: 'nav.home', help: 'navHelp.home' },
  { key: 'projects', path: paths.projects.path, permission: 'org.project.edit', label: 'nav.projects', help: 'navHelp.projects' },
  { key: 'teams', path: paths.teams.path, permission: 'org.team.edit', label: 'nav.teams', help: 'navHelp.teams' },
  {
    key: 'agents',
    path: paths.agents.path,
    permission: 'org.agent.read',
    label: 'nav.agents',
    help: 'navHelp.agents',
  },
  { key: 'users', path: paths.users.path, permission: 'org.user.read', label: 'nav.users', help: 'navHelp.users' },
  { key: 'audit', path: paths.audit.path, permission: 'audit.read', label: 'nav.audit', help: 'navHelp.audit' },
  { key: 'exports', path: paths.exports.path, permission: 'evaluation.read', label: 'nav.exports', help: 'navHelp.exports' },
  {
    key: 'checklists',
    path: paths.checklists.path,
    permission: 'checklist.read',
    label: 'nav.checklists',
    help: 'navHelp.checklists',
  },
  {
    key: 'evaluations',
    path: paths.evaluations.path,
    permission: 'evaluation.read',
    label: 'nav.evaluations',
    help: 'navHelp.evaluations',
  },
  {
    key: 'recordings',
    path: paths.recordings.path,
    permission: 'recording.read',
    label: 'nav.recordings',
    help: 'navHelp.recordings',
  },
  { key: 'access-log', path: paths.accessLog.path, permission: 'recording.accessLog', label: 'nav.accessLog', help: 'navHelp.accessLog' },
  {
    key: 'queue',
    path: paths.queue.path,
    permission: 'sampling.queue',
    label: 'nav.queue',
    help: 'navHelp.queue',
  },
  { key: 'sampling', path: paths.sampling.path, permission: 'sampling.run', label: 'nav.sampling', help: 'navHelp.sampling' },
  { key: 'dashboard', path: paths.dashboard.path, permission: 'report.summary', label: 'nav.dashboard', help: 'navHelp.dashboard' },
  { key: 'problems', path: paths.problems.path, permission: 'report.problems', label: 'nav.problems', help: 'navHelp.problems' },
  { key: 'disputes', path: paths.disputes.path, permission: 'dispute.read', label: 'nav.disputes', help: 'navHelp.disputes' },
  { key: 'coaching', path: paths.coaching.path, permission: 'coaching.read', label: 'nav.coaching', help: 'navHelp.coaching' },
  {
    key: 'rectification',
    path: paths.rectificationNotices.path,
    permission: 'rectification.read',
    label: 'nav.rectification',
    help: 'navHelp.rectification',
  },
  {
    key: 'analysis-reports',
    path: paths.analysisReports.path,
    permission: 'report.analysis.read',
    label: 'nav.analysisReports',
    help: 'navHelp.analysisReports',
  },
  { key: 'kpi', path: paths.kpi.path, permission: 'kpi.read', label: 'nav.kpi', help: 'navHelp.kpi' },
  { key: 'faq', path: paths.faq.path, permission: 'faq.read', label: 'nav.faq', help: 'navHelp.faq' },
  { key: 'faq-inbox', path: paths.faqInbox.path, permission: 'faq.proposals', label: 'nav.faqInbox', help: 'navHelp.faqInbox' },
  {
    key: 'calibration',
    path: paths.calibrationSessions.path,
    permission: 'calibration.read',
    label: 'nav.calibration',
    help: 'navHelp.calibration',
  },
  { key: 'examples', path: paths.examples.path, permission: 'example.session.read', label: 'nav.examples', help: 'navHelp.examples' },
  { key: 'retention', path: paths.retention.path, permission: 'retention.read', label: 'nav.retention', help: 'navHelp.retention' },
] as const satisfies readonly NavEntry[];

interface NavEntry {
  key: string;
  path: `/${string}`;
  permission: Permission;
  label: `nav.${string}`;
  help: `navHelp.${string}`;
}

export type NavItem = (typeof NAVIGATION)[number];
export type NavKey = NavItem['key'];

export const navigationFor = (roles: readonly Role[]): NavItem[] => NAVIGATION.filter((item) => can(roles, item.permission));

/** The nav item a location belongs to: the longest path that prefixes it. */
export function navItemAt(pathname: string): NavItem | undefined {
  return [...NAVIGATION]
    .sort((a, b) => b.path.length - a.path.length)
    .find((item) => (item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`)));
}

import { Role, ROLES } from '../../../shared/src/org';
import { paths } from './paths';

/**
 * The one table of the app's pages: nav key → path → roles allowed → i18n label and help text.
 * The side menu, the home page and the route guards all read it; a new page adds a row here and
 * its component in app/router.tsx (the type check insists on both); its URL comes from config/paths.ts.
 */
export const NAVIGATION = [
  { key: 'home', path: paths.home.path, roles: ROLES, label: 'nav.home', help: 'navHelp.home' },
  { key: 'projects', path: paths.projects.path, roles: [Role.Admin], label: 'nav.projects', help: 'navHelp.projects' },
  { key: 'teams', path: paths.teams.path, roles: [Role.Admin, Role.Supervisor], label: 'nav.teams', help: 'navHelp.teams' },
  {
    key: 'agents',
    path: paths.agents.path,
    roles: [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
    label: 'nav.agents',
    help: 'navHelp.agents',
  },
  { key: 'users', path: paths.users.path, roles: [Role.Admin], label: 'nav.users', help: 'navHelp.users' },
  { key: 'audit', path: paths.audit.path, roles: [Role.Admin], label: 'nav.audit', help: 'navHelp.audit' },
  {
    key: 'checklists',
    path: paths.checklists.path,
    roles: [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
    label: 'nav.checklists',
    help: 'navHelp.checklists',
  },
  {
    key: 'evaluations',
    path: paths.evaluations.path,
    roles: [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
    label: 'nav.evaluations',
    help: 'navHelp.evaluations',
  },
  {
    key: 'recordings',
    path: paths.recordings.path,
    roles: [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
    label: 'nav.recordings',
    help: 'navHelp.recordings',
  },
  { key: 'access-log', path: paths.accessLog.path, roles: [Role.Admin, Role.Supervisor], label: 'nav.accessLog', help: 'navHelp.accessLog' },
  {
    key: 'queue',
    path: paths.queue.path,
    roles: [Role.Inspector, Role.TeamLead, Role.Supervisor, Role.Admin],
    label: 'nav.queue',
    help: 'navHelp.queue',
  },
  { key: 'sampling', path: paths.sampling.path, roles: [Role.Admin, Role.Supervisor, Role.Inspector], label: 'nav.sampling', help: 'navHelp.sampling' },
] as const satisfies readonly NavEntry[];

interface NavEntry {
  key: string;
  path: `/${string}`;
  roles: readonly Role[];
  label: `nav.${string}`;
  help: `navHelp.${string}`;
}

export type NavItem = (typeof NAVIGATION)[number];
export type NavKey = NavItem['key'];

export const navigationFor = (roles: readonly Role[]): NavItem[] =>
  NAVIGATION.filter((item) => item.roles.some((role: Role) => roles.includes(role)));

/** The nav item a location belongs to: the longest path that prefixes it. */
export function navItemAt(pathname: string): NavItem | undefined {
  return [...NAVIGATION]
    .sort((a, b) => b.path.length - a.path.length)
    .find((item) => (item.path === paths.home.path ? pathname === paths.home.path : pathname === item.path || pathname.startsWith(`${item.path}/`)));
}

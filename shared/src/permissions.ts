import { Role, ROLES } from './org.js';

/**
 * The one permission table: every role rule of the product, named `domain.action`, with the roles
 * that hold it. The server's routes each state one of these (`@Can(...)`), services ask `can()` for
 * the rules inside a route, and the web's `useCan()` shows or hides what the server would refuse.
 * A new rule is a new row here, never a role list written on a route or in a component.
 */
export const PERMISSIONS = {
  /** See who one is and sign out; open the home page. Every role, the FAQ maintainer included. */
  'session.own': ROLES,

  // Organisation (DOMAIN.md "Who uses it"): admins run it; supervisors keep teams and agents current.
  'org.project.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  'org.project.edit': [Role.Admin],
  'org.team.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  'org.team.edit': [Role.Admin, Role.Supervisor],
  'org.agent.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Create, update and import agents from the HR sheet. */
  'org.agent.edit': [Role.Admin, Role.Supervisor],
  'org.user.read': [Role.Admin],
  'org.user.edit': [Role.Admin],
  'audit.read': [Role.Admin],

  /** Whatever one's bindings, see every project and team. */
  'scope.wholeCentre': [Role.Admin],
  /**
   * May be given the explicit "all projects" flag (users.allProjects) and then see the whole centre.
   * Bound to nothing without it means no projects at all: removing the last binding never widens.
   */
  'scope.allProjects': [Role.Admin, Role.Supervisor],

  // Recordings: staff who listen read them; the recording system pushes with a supervisor's or admin's sign-in.
  /** Search, open, stream and see the waveform of the calls in one's scope. */
  'recording.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Push a call in, and attach or replace its transcript later. */
  'recording.ingest': [Role.Admin, Role.Supervisor],
  /** Supervisors and admins handle complaints end to end; everyone else sees 138****5678. */
  'recording.unmask': [Role.Admin, Role.Supervisor],
  /** Who played or downloaded which call (三(四): every playback is logged for the supervisor). */
  'recording.accessLog': [Role.Admin, Role.Supervisor],

  // Automatic checks.
  'autocheck.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Progress of the background re-checks after a checklist is published. */
  'autocheck.progress': [Role.Admin, Role.Supervisor],
  /** How often inspectors kept each rule's verdict. */
  'autocheck.agreement': [Role.Admin, Role.Supervisor],

  // Checklists: the supervisor owns the standard (5.1–5.6).
  'checklist.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Start, change and discard a draft version. */
  'checklist.edit': [Role.Admin, Role.Supervisor],
  'checklist.publish': [Role.Admin, Role.Supervisor],

  // Evaluations.
  'evaluation.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Score a call: start, save and submit a draft, or submit a finished evaluation in one call. */
  'evaluation.score': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Score for any source (daily sample, complaint, calibration); without it a team lead scores spot checks only. */
  'evaluation.anySource': [Role.Admin, Role.Supervisor, Role.Inspector],
  /** Open someone else's draft; a draft is otherwise its inspector's work in progress. */
  'evaluation.readAnyDraft': [Role.Admin, Role.Supervisor],
  /** Change a submitted evaluation, with a reason kept in its history. */
  'evaluation.amend': [Role.Admin, Role.Supervisor],

  // Sampling (DOMAIN.md workflow 2).
  /** Run a project's daily sampling and see how it spread. */
  'sampling.run': [Role.Admin, Role.Supervisor, Role.Inspector],
  'sampling.plan.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  'sampling.plan.edit': [Role.Admin, Role.Supervisor],
  /** Give a sampled call to another inspector of the project. */
  'sampling.assign': [Role.Admin, Role.Supervisor],
  /** One's own listening queue. */
  'sampling.queue': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Draw calls of one's own team to listen to (五(二) spot listening): a team lead's. */
  'sampling.spotCheck': [Role.TeamLead],
  /** How far each agent's sampled mean can be trusted. */
  'sampling.confidence': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],

  // Reports (DOMAIN.md workflow 6).
  /** Common (共性) and individual (个性) problems per team, with their improvement plans. */
  'report.problems': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** The period's evaluations, scores, item failures and machine verdicts in figures (CONTRACT.md "Reports for other systems"). */
  'report.summary': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** When a problem counts as common in a project (how many agents, what share of the team). */
  'report.problemSettings': [Role.Admin, Role.Supervisor],
  /** Write the improvement plan of a team's common problem (the team lead's, 9.10). */
  'report.problemPlan': [Role.Supervisor, Role.TeamLead],
  // Rectification notices (书面整改通知书, DOMAIN.md workflow 6).
  /** Issue a notice to a team of one's project, start its re-check, close or escalate it. */
  'rectification.issue': [Role.Admin, Role.Supervisor, Role.Inspector],
  /** Read notices (a team lead his teams' only) and print them. */
  'rectification.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Acknowledge a notice with the team's action plan: the team lead's, or a supervisor's for him. */
  'rectification.acknowledge': [Role.Admin, Role.Supervisor, Role.TeamLead],
  // Exports (seed 三(三): nothing leaves without approval).
  /** Download an export at once (evaluations as CSV/XLSX), audited. */
  'export.direct': [Role.Admin, Role.Supervisor],
  /** Ask for an export, see one's requests and download an approved one, once. */
  'export.request': [Role.Inspector, Role.TeamLead],
  /** See the pending requests of one's projects and approve or refuse them. */
  'export.approve': [Role.Admin, Role.Supervisor],
  // Coaching (DOMAIN.md workflow 4): team leads go over each failed evaluation with the agent.
  /** See the coaching items and defects of one's teams and projects. */
  'coaching.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Record a one-to-one and the agent's acknowledgement: the agent's team lead. */
  'coaching.record': [Role.TeamLead],
  // FAQ (DOMAIN.md "Who uses it", seed 11.11): FAQ maintainers curate, inspectors propose from calls, everyone searches.
  /** Search and read the published entries: every signed-in user. */
  'faq.read': ROLES,
  /** See entries not (or not yet again) published: drafts and entries in review (CONTRACT.md "FAQ"). */
  'faq.readDrafts': [Role.Supervisor, Role.FaqMaintainer],
  /** Write and change entries, send them for review, retire them. */
  'faq.edit': [Role.Supervisor, Role.FaqMaintainer],
  /** Publish an entry: a new version agents see. */
  'faq.publish': [Role.Supervisor, Role.FaqMaintainer],
  /** Propose a new entry or a change from a call's defect. */
  'faq.propose': [Role.Supervisor, Role.Inspector],
  /** The inbox of proposals: accept one into a draft, or reject it. */
  'faq.proposals': [Role.Supervisor, Role.FaqMaintainer],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export const isPermission = (name: unknown): name is Permission => typeof name === 'string' && Object.hasOwn(PERMISSIONS, name);

/** Whether any of these roles holds the permission. No roles (not signed in) hold nothing. */
export function can(roles: readonly Role[] | undefined, permission: Permission): boolean {
  const holders: readonly Role[] = PERMISSIONS[permission];
  return !!roles && roles.some((role) => holders.includes(role));
}

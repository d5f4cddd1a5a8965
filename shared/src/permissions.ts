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
  // The home page as a worklist: what each role does next, counted by the queries of the pages it links to.
  /** The listener's part: the day's queue and the drafts left open. */
  'home.listening': [Role.Inspector],
  /** The team lead's part: his open coaching items and the notices awaiting his answer. */
  'home.teamFollowUp': [Role.TeamLead],
  /** The quality supervisor's part: the dashboard's headline and what waits for his decision. */
  'home.decisions': [Role.Supervisor],
  /** The FAQ maintainer's part: proposals in his inbox, entries in review, his drafts. */
  'home.faqWork': [Role.FaqMaintainer],

  // Organisation (DOMAIN.md "Who uses it"): admins run it; supervisors keep teams and agents current.
  'org.project.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead, Role.Trainer],
  'org.project.edit': [Role.Admin],
  /** How many days after submission a team lead may dispute an evaluation of the project (issue 15). */
  'org.project.disputeWindow': [Role.Admin, Role.Supervisor],
  /** Which share of the project's daily sampled calls is scored blind, the machine's verdicts hidden (issue 15). */
  'org.project.blindShare': [Role.Admin, Role.Supervisor],
  'org.team.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead, Role.Trainer],
  'org.team.edit': [Role.Admin, Role.Supervisor],
  'org.agent.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead, Role.Trainer],
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
  /** The inspectors' own work side by side: pace, time per evaluation, strictness, amendments (DOMAIN.md: the supervisor supervises the inspectors). */
  'report.inspectors': [Role.Admin, Role.Supervisor],
  /** When a problem counts as common in a project (how many agents, what share of the team). */
  'report.problemSettings': [Role.Admin, Role.Supervisor],
  /** Write the improvement plan of a team's common problem (the team lead's, 9.10). */
  'report.problemPlan': [Role.Supervisor, Role.TeamLead],
  // Analysis reports (seed 11.9, 11.10): the supervisor makes and publishes them, the teams read them.
  /** Read the published daily, weekly and monthly reports of one's projects (a team lead his teams' parts), and download them. */
  'report.analysis.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Make a report now, and see the unpublished ones. */
  'report.analysis.generate': [Role.Admin, Role.Supervisor],
  /** Publish a period's report to the teams. */
  'report.analysis.publish': [Role.Admin, Role.Supervisor],
  // Rectification notices (书面整改通知书, DOMAIN.md workflow 6).
  /** Issue a notice to a team of one's project, start its re-check, close or escalate it. */
  'rectification.issue': [Role.Admin, Role.Supervisor, Role.Inspector],
  /** Read notices (a team lead his teams' only) and print them. */
  'rectification.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Acknowledge a notice with the team's action plan: the team lead's, or a supervisor's for him. */
  'rectification.acknowledge': [Role.Admin, Role.Supervisor, Role.TeamLead],
  // Acknowledgement and disputes (issue 15): the team lead speaks for the agent, the inspector answers, the supervisor rules.
  /** Read disputes (an inspector those on his evaluations, a team lead his teams', a supervisor his projects') and their summary. */
  'dispute.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Accept an evaluation of one's team for the agent, or dispute its items and escalate the dispute once. */
  'dispute.raise': [Role.TeamLead],
  /** Answer a dispute of one's own evaluation: accept (the item is amended) or reject each item with a reason. */
  'dispute.answer': [Role.Admin, Role.Supervisor, Role.Inspector],
  /** Rule on an escalated dispute, finally. */
  'dispute.rule': [Role.Admin, Role.Supervisor],
  // Calibration (issue 15): the supervisor has inspectors score the same calls blind, then reveals and discusses.
  /** See the calibration sessions one takes part in (a supervisor those of his projects) and score their calls. */
  'calibration.read': [Role.Admin, Role.Supervisor, Role.Inspector],
  /** Create a session, reveal it and write each item's guidance into the next checklist draft. */
  'calibration.manage': [Role.Admin, Role.Supervisor],
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
  // KPI grading (DOMAIN.md "Grades and promotion", CONTRACT.md "KPI grading"): reports go to management only.
  /**
   * Push or upload operational figures (calls, hours, successes per agent and day): the telephony and
   * sales systems sign in as a supervisor or admin, as the recording system does.
   */
  'kpi.operational.write': [Role.Admin, Role.Supervisor],
  /** The quarterly grade review of one's projects (a team lead his teams' agents only; trainers read their projects'), and its export. */
  'kpi.read': [Role.Admin, Role.Supervisor, Role.TeamLead, Role.Trainer],
  /** Draft and publish a project's KPI scheme: the weights of the QA score and of the parts it imports. */
  'kpi.scheme.edit': [Role.Admin, Role.Supervisor],
  /** Set the grade table a coming quarter is reviewed against. */
  'kpi.gradeTable.edit': [Role.Admin, Role.Supervisor],
  /** Add an agent's calls to the coming sampling runs when his QA score is not enough evidence. */
  'kpi.requestCalls': [Role.Admin, Role.Supervisor, Role.TeamLead],
  /** Record an agent's new-hire or probation exam (the trainers' results, entered by a supervisor). */
  'kpi.exam.record': [Role.Admin, Role.Supervisor],
  /** Apply for an agent's promotion from the review, naming the four approvers. */
  'kpi.promotion.apply': [Role.Admin, Role.Supervisor, Role.TeamLead],
  /**
   * Approve or reject a promotion at one's own step. The deputy manager, manager and director sign in
   * with the supervisor role and are named on each application (no roles of their own).
   */
  'kpi.promotion.approve': [Role.Admin, Role.Supervisor],
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
  /** "Did it help?": an entry's prompting items, their failure rates before and since publishing. */
  'faq.effect': [Role.Supervisor, Role.FaqMaintainer],
  // Example calls for the weekly sharing (issue 14, seed 11.5).
  /** List and play the example calls of one's projects and teams. */
  'example.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Mark a submitted evaluation's call as a good or bad example; change or remove one's own (a supervisor anyone's). */
  'example.mark': [Role.Admin, Role.Supervisor, Role.Inspector],
  /** Change or remove an example somebody else marked. */
  'example.editAny': [Role.Admin, Role.Supervisor],
  /** See the sharing sessions of one's projects and play them. */
  'example.session.read': [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead],
  /** Build, change and remove a sharing session's playlist. */
  'example.session.edit': [Role.Admin, Role.Supervisor],
  // Retention (issue 16): how long each project keeps its calls' audio.
  /** Read the retention policies of one's projects. */
  'retention.read': [Role.Admin, Role.Supervisor],
  /** Set a project's retention policy: an admin's, or the whole project's supervisor's. */
  'retention.edit': [Role.Admin, Role.Supervisor],
  /** Apply every project's policy now, as the daily job does (it deletes audio centre-wide). */
  'retention.run': [Role.Admin],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export const isPermission = (name: unknown): name is Permission => typeof name === 'string' && Object.hasOwn(PERMISSIONS, name);

/** Whether any of these roles holds the permission. No roles (not signed in) hold nothing. */
export function can(roles: readonly Role[] | undefined, permission: Permission): boolean {
  const holders: readonly Role[] = PERMISSIONS[permission];
  return !!roles && roles.some((role) => holders.includes(role));
}

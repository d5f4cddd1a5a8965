import { describe, expect, it } from 'vitest';
import { Role, ROLES } from '#shared/org.js';
import { can, isPermission, type Permission, PERMISSION_NAMES, PERMISSIONS } from '#shared/permissions.js';

/**
 * What each role may do, as the routes, services and pages allowed it before the table existed.
 * Changing who holds a permission means changing this list too, on purpose.
 */
const ABILITIES: Record<Role, Permission[]> = {
  [Role.Admin]: [
    'session.own',
    'org.project.read',
    'org.project.edit',
    'org.project.disputeWindow',
    'org.project.blindShare',
    'org.team.read',
    'org.team.edit',
    'org.agent.read',
    'org.agent.edit',
    'org.user.read',
    'org.user.edit',
    'audit.read',
    'scope.wholeCentre',
    'scope.allProjects',
    'recording.read',
    'recording.ingest',
    'recording.unmask',
    'recording.accessLog',
    'autocheck.read',
    'autocheck.progress',
    'autocheck.agreement',
    'checklist.read',
    'checklist.edit',
    'checklist.publish',
    'evaluation.read',
    'evaluation.score',
    'evaluation.anySource',
    'evaluation.readAnyDraft',
    'evaluation.amend',
    'sampling.run',
    'sampling.plan.read',
    'sampling.plan.edit',
    'sampling.assign',
    'sampling.queue',
    'sampling.confidence',
    'report.problems',
    'report.summary',
    'report.analysis.read',
    'report.analysis.generate',
    'report.analysis.publish',
    'report.inspectors',
    'report.problemSettings',
    'rectification.issue',
    'rectification.read',
    'rectification.acknowledge',
    'dispute.read',
    'dispute.answer',
    'dispute.rule',
    'calibration.read',
    'calibration.manage',
    'coaching.read',
    'export.direct',
    'export.approve',
    'kpi.operational.write',
    'kpi.read',
    'kpi.scheme.edit',
    'kpi.gradeTable.edit',
    'kpi.requestCalls',
    'kpi.exam.record',
    'kpi.promotion.apply',
    'kpi.promotion.approve',
    'faq.read',
    'example.read',
    'example.mark',
    'example.editAny',
    'example.session.read',
    'example.session.edit',
    'retention.read',
    'retention.edit',
    'retention.run',
  ],
  [Role.Supervisor]: [
    'session.own',
    'home.decisions',
    'org.project.read',
    'org.team.read',
    'org.project.disputeWindow',
    'org.project.blindShare',
    'org.team.edit',
    'org.agent.read',
    'org.agent.edit',
    'scope.allProjects',
    'recording.read',
    'recording.ingest',
    'recording.unmask',
    'recording.accessLog',
    'autocheck.read',
    'autocheck.progress',
    'autocheck.agreement',
    'checklist.read',
    'checklist.edit',
    'checklist.publish',
    'evaluation.read',
    'evaluation.score',
    'evaluation.anySource',
    'evaluation.readAnyDraft',
    'evaluation.amend',
    'sampling.run',
    'sampling.plan.read',
    'sampling.plan.edit',
    'sampling.assign',
    'sampling.queue',
    'sampling.confidence',
    'report.problems',
    'report.summary',
    'report.analysis.read',
    'report.analysis.generate',
    'report.analysis.publish',
    'report.inspectors',
    'report.problemSettings',
    'report.problemPlan',
    'rectification.issue',
    'rectification.read',
    'rectification.acknowledge',
    'dispute.read',
    'dispute.answer',
    'dispute.rule',
    'calibration.read',
    'calibration.manage',
    'coaching.read',
    'export.direct',
    'export.approve',
    'kpi.operational.write',
    'kpi.read',
    'kpi.scheme.edit',
    'kpi.gradeTable.edit',
    'kpi.requestCalls',
    'kpi.exam.record',
    'kpi.promotion.apply',
    'kpi.promotion.approve',
    'faq.read',
    'faq.readDrafts',
    'faq.edit',
    'faq.publish',
    'faq.propose',
    'faq.proposals',
    'faq.effect',
    'example.read',
    'example.mark',
    'example.editAny',
    'example.session.read',
    'example.session.edit',
    'retention.read',
    'retention.edit',
  ],
  [Role.Inspector]: [
    'session.own',
    'home.listening',
    'org.project.read',
    'org.team.read',
    'org.agent.read',
    'recording.read',
    'autocheck.read',
    'checklist.read',
    'evaluation.read',
    'evaluation.score',
    'evaluation.anySource',
    'sampling.run',
    'sampling.plan.read',
    'sampling.queue',
    'sampling.confidence',
    'report.problems',
    'report.summary',
    'report.analysis.read',
    'rectification.issue',
    'rectification.read',
    'dispute.read',
    'dispute.answer',
    'calibration.read',
    'coaching.read',
    'export.request',
    'faq.read',
    'faq.propose',
    'example.read',
    'example.mark',
    'example.session.read',
  ],
  [Role.TeamLead]: [
    'session.own',
    'home.teamFollowUp',
    'org.project.read',
    'org.team.read',
    'org.agent.read',
    'recording.read',
    'autocheck.read',
    'checklist.read',
    'evaluation.read',
    'evaluation.score',
    'sampling.plan.read',
    'sampling.queue',
    'sampling.spotCheck',
    'sampling.confidence',
    'report.problems',
    'report.summary',
    'report.analysis.read',
    'report.problemPlan',
    'rectification.read',
    'rectification.acknowledge',
    'dispute.read',
    'dispute.raise',
    'coaching.read',
    'coaching.record',
    'export.request',
    'kpi.read',
    'kpi.requestCalls',
    'kpi.promotion.apply',
    'faq.read',
    'example.read',
    'example.session.read',
  ],
  [Role.Trainer]: ['session.own', 'org.project.read', 'org.team.read', 'org.agent.read', 'kpi.read', 'faq.read'],
  [Role.FaqMaintainer]: ['session.own', 'home.faqWork', 'faq.read', 'faq.readDrafts', 'faq.edit', 'faq.publish', 'faq.proposals', 'faq.effect'],
};

describe('the permission table', () => {
  it('names every permission domain.action', () => {
    for (const name of PERMISSION_NAMES) expect(name).toMatch(/^[a-z]+(\.[a-z][a-zA-Z]*)+$/);
  });

  it('gives every permission at least one role, each a known role, none twice', () => {
    for (const name of PERMISSION_NAMES) {
      const holders: readonly Role[] = PERMISSIONS[name];
      expect(holders.length, name).toBeGreaterThan(0);
      expect(new Set(holders).size, name).toBe(holders.length);
      for (const role of holders) expect(ROLES, name).toContain(role);
    }
  });

  it.each(ROLES.map((role) => [role]))('lets %s do exactly what the routes allowed it', (role) => {
    expect(PERMISSION_NAMES.filter((p) => can([role], p)).sort()).toEqual([...ABILITIES[role]].sort());
  });

  it('knows only its own names', () => {
    expect(isPermission('evaluation.amend')).toBe(true);
    expect(isPermission('evaluation.delete')).toBe(false);
    expect(isPermission('toString')).toBe(false);
    expect(isPermission(undefined)).toBe(false);
  });
});

describe('can', () => {
  it('holds a permission when any of the roles holds it', () => {
    expect(can([Role.FaqMaintainer, Role.Supervisor], 'evaluation.amend')).toBe(true);
    expect(can([Role.Inspector, Role.TeamLead], 'evaluation.amend')).toBe(false);
  });

  it('holds nothing without roles or without a user', () => {
    expect(can([], 'session.own')).toBe(false);
    expect(can(undefined, 'session.own')).toBe(false);
  });
});

import { Injectable } from '@nestjs/common';
import { type DomainError, invalid, notFound, outOfScope } from '#server/common/domain-error.js';
import type { EvaluationEntity } from '#server/evaluations/evaluation.entity.js';
import { EvaluationRepository } from '#server/evaluations/evaluation.repository.js';
import type { AgentEntity } from '#server/org/agents/agent.entity.js';
import { AgentRepository } from '#server/org/agents/agent.repository.js';
import type { ProjectEntity } from '#server/org/projects/project.entity.js';
import { ProjectRepository } from '#server/org/projects/project.repository.js';
import type { TeamEntity } from '#server/org/teams/team.entity.js';
import { TeamRepository } from '#server/org/teams/team.repository.js';
import { RecordingRepository, type RecordingRow } from '#server/recordings/recording.repository.js';
import { type AssignmentScope, SamplingRepository } from '#server/sampling/sampling.repository.js';
import type { AuthUser } from './auth-user.js';

/**
 * What a scope check is about. `whole: true` asks for the entire project (e.g. to create a team in
 * it, or to run its sampling), which a user bound only to one of its teams does not have.
 */
export type ScopeTarget = { teamId: string } | { projectId: string; whole?: boolean };

/**
 * How a code reached the server. `field` names it in a 400 when it names nothing. A `filter` is a
 * read narrowed by the code (a query parameter, or a code in a GET path): there, to a caller who does
 * not see the whole centre, a code outside their scope and a code that names nothing answer alike
 * (403), so probing codes does not tell what exists beyond their projects and teams.
 */
export interface CodeLookup {
  field?: string;
  filter?: boolean;
}

/**
 * The one scope service (after immich's `requireAccess`). Each call looks a thing up by code or id
 * and checks in the same go that the caller may see it: an unknown code answers 400 naming the field,
 * an unknown id 404, and a thing outside the caller's projects and teams 403. List queries restrict
 * themselves with `visibleTeamIds` / `visibleProjectIds`.
 */
@Injectable()
export class ScopeService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly teams: TeamRepository,
    private readonly agents: AgentRepository,
    private readonly recordings: RecordingRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly sampling: SamplingRepository,
  ) {}

  /** The rule itself: admins and unbound supervisors see all; others their bound teams and projects. */
  sees(user: AuthUser, target: ScopeTarget): boolean {
    if (user.seesAll) return true;
    if ('teamId' in target) return user.visibleTeamIds.includes(target.teamId);
    if (target.whole) return user.wholeProjectIds.includes(target.projectId);
    return user.visibleProjectIds.includes(target.projectId);
  }

  /** For a thing already loaded: 403 when it is outside the caller's scope. */
  require(user: AuthUser, target: ScopeTarget): void {
    if (!this.sees(user, target)) throw outOfScope();
  }

  /** For list queries: the team ids rows must stay within, or null for no restriction. */
  visibleTeamIds(user: AuthUser): string[] | null {
    return user.seesAll ? null : user.visibleTeamIds;
  }

  /** For list queries of projects: the project ids to stay within, or null for no restriction. */
  visibleProjectIds(user: AuthUser): string[] | null {
    return user.seesAll ? null : user.visibleProjectIds;
  }

  // By code, as a body or filter field names it: 400 when unknown.

  /**
   * A report's project filter: the one project of that code (checked as `project` does), or, when the
   * code is `all` (a value no project code can take), every project the caller sees — null for the
   * whole centre, as `visibleProjectIds`.
   */
  async projectsOrAll(user: AuthUser, code: string, all: string): Promise<string[] | null> {
    if (code === all) return this.visibleProjectIds(user);
    return [(await this.project(user, code, { filter: true })).id];
  }

  async project(user: AuthUser, code: string, lookup: CodeLookup & { whole?: boolean } = {}): Promise<ProjectEntity> {
    const project = await this.projects.byCode(code);
    if (!project) throw this.unknown(user, lookup, 'project', `unknown project ${code}`);
    this.require(user, { projectId: project.id, whole: lookup.whole });
    return project;
  }

  /** The team with its project loaded. */
  async team(user: AuthUser, code: string, lookup: CodeLookup = {}): Promise<TeamEntity> {
    const team = await this.teams.byCode(code);
    if (!team) throw this.unknown(user, lookup, 'team', `unknown team ${code}`);
    this.require(user, { teamId: team.id });
    return team;
  }

  /** The agent with its team and project loaded. */
  async agent(user: AuthUser, employeeNo: string, lookup: CodeLookup = {}): Promise<AgentEntity> {
    const agent = await this.agents.byEmployeeNo(employeeNo);
    if (!agent) throw this.unknown(user, lookup, 'agent', `unknown agent ${employeeNo}`);
    this.require(user, { teamId: agent.teamId });
    return agent;
  }

  private unknown(user: AuthUser, lookup: CodeLookup, field: string, message: string): DomainError {
    return lookup.filter && !user.seesAll ? outOfScope() : invalid(lookup.field ?? field, message);
  }

  // By id, as a path names it: 404 when unknown (before 403, so ids are not probed cheaply).

  async projectById(user: AuthUser, id: string, options: { whole?: boolean } = {}): Promise<ProjectEntity> {
    const project = await this.projects.byId(id);
    if (!project) throw notFound('Project');
    this.require(user, { projectId: project.id, whole: options.whole });
    return project;
  }

  /** The team with its project loaded; `wholeProject` asks for its entire project (to change the team). */
  async teamById(user: AuthUser, id: string, options: { wholeProject?: boolean } = {}): Promise<TeamEntity> {
    const team = await this.teams.byId(id);
    if (!team) throw notFound('Team');
    this.require(user, options.wholeProject ? { projectId: team.projectId, whole: true } : { teamId: team.id });
    return team;
  }

  async agentById(user: AuthUser, id: string): Promise<AgentEntity> {
    const agent = await this.agents.byId(id);
    if (!agent) throw notFound('Agent');
    this.require(user, { teamId: agent.teamId });
    return agent;
  }

  async recording(user: AuthUser, id: string): Promise<RecordingRow> {
    const recording = await this.recordings.byId(id);
    if (!recording) throw notFound('Recording');
    this.require(user, { teamId: recording.teamId });
    return recording;
  }

  /** The evaluation's row alone (no items): who scored it, its team, status and checklist version. */
  async evaluation(user: AuthUser, id: string): Promise<EvaluationEntity> {
    const evaluation = await this.evaluations.entityById(id);
    if (!evaluation) throw notFound('Evaluation');
    this.require(user, { teamId: evaluation.teamId });
    return evaluation;
  }

  /** A sampling assignment; moving it needs its entire project. */
  async assignment(user: AuthUser, id: string): Promise<AssignmentScope> {
    const assignment = await this.sampling.assignmentScope(id);
    if (!assignment) throw notFound('Assignment');
    this.require(user, { projectId: assignment.projectId, whole: true });
    return assignment;
  }
}

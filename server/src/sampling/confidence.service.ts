import { Injectable } from '@nestjs/common';
import type { AgentConfidenceReport } from '#shared/api/sampling.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { invalid } from '#server/common/domain-error.js';
import { toAgentConfidence } from './sampling.mapper.js';
import { SamplingRepository } from './sampling.repository.js';
import { SamplingPlanService } from './sampling-plan.service.js';

/**
 * Each agent's mean score over a period with its 95 % interval. Only purely random daily picks
 * count: guided picks go looking for failures, and would drag the mean down.
 */
@Injectable()
export class ConfidenceService {
  constructor(
    private readonly sampling: SamplingRepository,
    private readonly scope: ScopeService,
    private readonly plans: SamplingPlanService,
  ) {}

  async byAgent(user: AuthUser, q: { project?: string; team?: string; from: string; to: string }): Promise<AgentConfidenceReport> {
    if (q.from > q.to) throw invalid('from', 'must not be after to');
    let teamId: string | undefined;
    let projectId: string;
    if (q.team) {
      const team = await this.scope.team(user, q.team, { filter: true });
      teamId = team.id;
      projectId = team.projectId;
    } else if (q.project) {
      projectId = (await this.scope.project(user, q.project, { filter: true })).id;
    } else throw invalid('project', 'name a project or a team');
    const rows = await this.sampling.confidence({ teamIds: this.scope.visibleTeamIds(user), teamId, projectId: teamId ? undefined : projectId, from: q.from, to: q.to });
    const { maxHalfWidth } = await this.plans.rulesFor(projectId, q.to);
    return { maxHalfWidth, items: rows.map((r) => toAgentConfidence(r, maxHalfWidth)) };
  }
}

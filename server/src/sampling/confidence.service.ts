import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AgentConfidenceReport } from '../../../shared/src/api/sampling.js';
import { scoreInterval, tooWideToGrade } from '../../../shared/src/sampling/confidence.js';
import { requireAccess, visibleTeams } from '../auth/access.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid } from '../common/domain-error.js';
import { TeamRepository } from '../org/teams/team.repository.js';
import { SamplingPlanService } from './sampling-plan.service.js';

/**
 * Each agent's mean score over a period with its 95 % interval. Only purely random daily picks
 * count: guided picks go looking for failures, and would drag the mean down.
 */
@Injectable()
export class ConfidenceService {
  constructor(
    private readonly db: DataSource,
    private readonly teams: TeamRepository,
    private readonly plans: SamplingPlanService,
  ) {}

  async byAgent(user: AuthUser, q: { project?: string; team?: string; from: string; to: string }): Promise<AgentConfidenceReport> {
    if (q.from > q.to) throw invalid('from', 'must not be after to');
    const params: unknown[] = [q.from, q.to];
    const where: string[] = [`a.status = 'active'`];
    let projectId: string | undefined;
    if (q.team) {
      const team = await this.teams.byCode(q.team);
      if (!team) throw invalid('team', `unknown team ${q.team}`);
      requireAccess(user, { teamId: team.id });
      where.push(`a."teamId" = $${params.push(team.id)}`);
      projectId = team.projectId;
    } else if (q.project) {
      const project = await this.plans.project(user, q.project, false);
      where.push(`t."projectId" = $${params.push(project.id)}`);
      projectId = project.id;
    } else throw invalid('project', 'name a project or a team');
    const teams = visibleTeams(user);
    if (teams) where.push(`a."teamId" = ANY($${params.push(teams)})`);
    const rows: { agent: string; agentName: string; team: string; random: number[] | null; allDaily: number }[] = await this.db.query(
      `SELECT a."employeeNo" AS agent, a.name AS "agentName", t.code AS team,
              array_agg(e.score ORDER BY e."submittedAt") FILTER (WHERE sa.reason = 'random' AND e.id IS NOT NULL) AS random,
              count(e.id) FILTER (WHERE e.source = 'daily')::int AS "allDaily"
         FROM agents a JOIN teams t ON t.id = a."teamId"
         LEFT JOIN evaluations e ON e."agentId" = a.id AND e.status = 'submitted' AND e."callDate" BETWEEN $1 AND $2
         LEFT JOIN sampling_assignments sa ON sa."recordingId" = e."recordingId" AND sa."inspectorId" = e."inspectorId"
        WHERE ${where.join(' AND ')}
        GROUP BY a.id, a."employeeNo", a.name, t.code ORDER BY t.code, a."employeeNo"`,
      params,
    );
    const { maxHalfWidth } = await this.plans.rulesFor(projectId!, q.to);
    return {
      maxHalfWidth,
      items: rows.map((r) => {
        const interval = scoreInterval(r.random ?? []);
        return { agent: r.agent, agentName: r.agentName, team: r.team, allDaily: r.allDaily, ...interval, tooWide: tooWideToGrade(interval, maxHalfWidth) };
      }),
    };
  }
}

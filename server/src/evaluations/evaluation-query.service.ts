import { Injectable } from '@nestjs/common';
import type { Evaluation } from '../../../shared/src/api/evaluations.js';
import type { Page } from '../../../shared/src/api/page.js';
import { AuditService } from '../audit/audit.service.js';
import { requireAccess, visibleTeams } from '../auth/access.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError, invalid } from '../common/domain-error.js';
import { AgentRepository } from '../org/agents/agent.repository.js';
import { TeamRepository } from '../org/teams/team.repository.js';
import type { EvaluationQueryDto } from './evaluation.dto.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { evaluationsCsv, evaluationsXlsx } from './evaluation-export.js';

export const EXPORT_LIMIT = 50_000;

@Injectable()
export class EvaluationQueryService {
  constructor(
    private readonly evaluations: EvaluationRepository,
    private readonly teams: TeamRepository,
    private readonly agents: AgentRepository,
    private readonly audit: AuditService,
  ) {}

  /** Submitted evaluations in the caller's scope (CONTRACT.md `GET /api/evaluations`). */
  async list(user: AuthUser, q: EvaluationQueryDto, all = false): Promise<Page<Evaluation>> {
    if (q.from && q.to && q.from > q.to) throw invalid('from', 'must not be after to');
    let teamId: string | undefined;
    let agentId: string | undefined;
    if (q.team) {
      const team = await this.teams.byCode(q.team);
      if (!team) throw invalid('team', `unknown team ${q.team}`);
      requireAccess(user, { teamId: team.id });
      teamId = team.id;
    }
    if (q.agent) {
      const agent = await this.agents.byEmployeeNo(q.agent);
      if (!agent) throw invalid('agent', `unknown agent ${q.agent}`);
      requireAccess(user, { teamId: agent.teamId });
      agentId = agent.id;
    }
    const { total, items } = await this.evaluations.search({
      teamIds: visibleTeams(user),
      status: 'submitted',
      from: q.from,
      to: q.to,
      teamId,
      agentId,
      recordingId: q.recordingId,
      inspectorId: q.inspector === 'me' ? user.id : undefined,
      page: all ? 1 : q.page,
      pageSize: all ? EXPORT_LIMIT : q.pageSize,
    });
    return { total, items: items.map(({ teamId: _t, inspectorId: _i, ...e }) => e) };
  }

  /** The same rows as a file; every export is written to the audit log (DOMAIN.md confidentiality). */
  async export(user: AuthUser, q: EvaluationQueryDto): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const { items, total } = await this.list(user, q, true);
    if (total > EXPORT_LIMIT) throw new DomainError('EXPORT_TOO_LARGE', `from: the export would hold ${total} evaluations; narrow the dates to under ${EXPORT_LIMIT}`, undefined, { params: { total, limit: EXPORT_LIMIT } });
    await this.audit.record({ userId: user.id, username: user.username, action: 'evaluations.export', detail: { format: q.format, from: q.from, to: q.to, team: q.team, agent: q.agent, rows: items.length } });
    const name = `evaluations-${q.from ?? 'all'}-${q.to ?? 'all'}`;
    return q.format === 'xlsx'
      ? { body: await evaluationsXlsx(items), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${name}.xlsx` }
      : { body: evaluationsCsv(items), contentType: 'text/csv; charset=utf-8', filename: `${name}.csv` };
  }
}

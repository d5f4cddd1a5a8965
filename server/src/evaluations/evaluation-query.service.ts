import { Injectable } from '@nestjs/common';
import type { Evaluation } from '#shared/api/evaluations.js';
import type { Page } from '#shared/api/page.js';
import { maskerFor } from '#shared/masking.js';
import { can } from '#shared/permissions.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid } from '#server/common/domain-error.js';
import type { EvaluationQueryDto } from './evaluation.dto.js';
import { toEvaluation } from './evaluation.mapper.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { CSV_TYPE, type HeaderStyle, XLSX_TYPE } from '#server/common/spreadsheet.js';
import { evaluationsCsv, evaluationsXlsx } from './evaluation-export.js';

export const EXPORT_LIMIT = 50_000;

const flag = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');

@Injectable()
export class EvaluationQueryService {
  constructor(
    private readonly evaluations: EvaluationRepository,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Submitted evaluations in the caller's scope (CONTRACT.md `GET /api/evaluations`); with
   * `status=draft` the caller's own drafts left open instead, whoever else may read drafts.
   */
  async list(user: AuthUser, q: EvaluationQueryDto, all = false): Promise<Page<Evaluation>> {
    if (q.from && q.to && q.from > q.to) throw invalid('from', 'must not be after to');
    const drafts = q.status === 'draft';
    const project = q.project ? await this.scope.project(user, q.project, { filter: true }) : undefined;
    const team = q.team ? await this.scope.team(user, q.team, { filter: true }) : undefined;
    const agent = q.agent ? await this.scope.agent(user, q.agent, { filter: true }) : undefined;
    const { total, rows } = await this.evaluations.search({
      teamIds: this.scope.visibleTeamIds(user),
      status: drafts ? 'draft' : 'submitted',
      from: q.from,
      to: q.to,
      projectId: project?.id,
      teamId: team?.id,
      agentId: agent?.id,
      recordingId: q.recordingId,
      inspectorId: drafts || q.inspector === 'me' ? user.id : undefined,
      inspectorUsername: q.inspector && q.inspector !== 'me' ? q.inspector : undefined,
      fatal: flag(q.fatal),
      calibration: flag(q.calibration),
      amended: flag(q.amended),
      failedCodes: q.code ? [...new Set(q.code.split(','))] : undefined,
      viewerId: user.id,
      page: all ? 1 : q.page,
      pageSize: all ? EXPORT_LIMIT : q.pageSize,
    });
    return { total, items: rows.map((r) => toEvaluation(r, maskerFor(user.roles))) };
  }

  /**
   * The same rows as a file; every export is written to the audit log (DOMAIN.md confidentiality).
   * Only who may export directly (`export.direct`) gets it at once; everyone else asks through
   * `POST /api/exports`, and the file is made with `approvedRequest` once a supervisor approved.
   */
  async export(
    user: AuthUser,
    q: Pick<EvaluationQueryDto, 'from' | 'to' | 'team' | 'agent' | 'format'> & Partial<EvaluationQueryDto>,
    approvedRequest?: string,
    style: HeaderStyle = 'zh',
  ): Promise<{ body: Buffer; contentType: string; filename: string }> {
    if (!approvedRequest && !can(user.roles, 'export.direct')) {
      throw new DomainError('EXPORT_NEEDS_APPROVAL', 'Exports by your role need a supervisor’s approval: POST /api/exports');
    }
    if (q.status === 'draft') throw invalid('status', 'drafts are work in progress and are not exported');
    const { items, total } = await this.list(user, { page: 1, pageSize: 1, ...q }, true);
    if (total > EXPORT_LIMIT)
      throw new DomainError('EXPORT_TOO_LARGE', `from: the export would hold ${total} evaluations; narrow the dates to under ${EXPORT_LIMIT}`, undefined, {
        params: { total, limit: EXPORT_LIMIT },
      });
    await this.audit.record({
      userId: user.id,
      username: user.username,
      action: 'evaluations.export',
      detail: {
        format: q.format,
        from: q.from,
        to: q.to,
        team: q.team,
        agent: q.agent,
        code: q.code,
        rows: items.length,
        headers: style,
        ...(approvedRequest ? { request: approvedRequest } : {}),
      },
    });
    const name = `evaluations-${q.from ?? 'all'}-${q.to ?? 'all'}`;
    return q.format === 'xlsx'
      ? { body: await evaluationsXlsx(items, style), contentType: XLSX_TYPE, filename: `${name}.xlsx` }
      : { body: evaluationsCsv(items, style), contentType: CSV_TYPE, filename: `${name}.csv` };
  }
}

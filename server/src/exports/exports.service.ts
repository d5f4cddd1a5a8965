import { Injectable } from '@nestjs/common';
import type { ExportRequest } from '#shared/api/exports.js';
import type { Page } from '#shared/api/page.js';
import { can } from '#shared/permissions.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { DomainError, invalid, notFound, outOfScope } from '#server/common/domain-error.js';
import { EvaluationQueryService } from '#server/evaluations/evaluation-query.service.js';
import type { ExportRequestEntity } from './export-request.entity.js';
import type { HeaderStyle } from '#server/common/spreadsheet.js';
import { ExportRequestRepository } from './export-request.repository.js';
import type { CreateExportRequestDto, ExportRequestQueryDto } from './exports.dto.js';
import { toExportRequest } from './exports.mapper.js';

const stateError = (status: string) => new DomainError('EXPORT_STATE', `The export request is ${status}`, undefined, { params: { status } });

/**
 * Exports that need approval (seed 三(三)): an inspector or team lead asks, a supervisor of the
 * requester's projects approves or refuses with a reason, the requester downloads the file once.
 * Every step is in the audit log.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly requests: ExportRequestRepository,
    private readonly scope: ScopeService,
    private readonly evaluations: EvaluationQueryService,
    private readonly audit: AuditService,
  ) {}

  async request(user: AuthUser, dto: CreateExportRequestDto): Promise<ExportRequest> {
    if (dto.from && dto.to && dto.from > dto.to) throw invalid('from', 'must not be after to');
    // The filters must be in the requester's scope now (400 naming the field, 403 outside it).
    if (dto.team) await this.scope.team(user, dto.team, { field: 'team' });
    if (dto.agent) await this.scope.agent(user, dto.agent, { field: 'agent' });
    const teamIds = this.scope.visibleTeamIds(user) ?? [];
    const created = await this.requests.insert({
      requesterId: user.id,
      requester: user.username,
      kind: dto.kind,
      format: dto.format,
      query: { from: dto.from, to: dto.to, team: dto.team, agent: dto.agent },
      teamIds,
      purpose: dto.purpose ?? null,
    });
    await this.audit.record({
      userId: user.id,
      username: user.username,
      action: 'export.requested',
      detail: { request: created.id, ...created.query, format: dto.format },
    });
    return toExportRequest((await this.requests.byId(created.id))!);
  }

  /** An approver sees the requests of his scope; a requester his own. */
  async list(user: AuthUser, q: ExportRequestQueryDto): Promise<Page<ExportRequest>> {
    const approver = can(user.roles, 'export.approve');
    const { total, rows } = await this.requests.search({
      requesterId: approver ? undefined : user.id,
      teamIds: approver ? this.scope.visibleTeamIds(user) : undefined,
      status: q.status,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { total, items: rows.map(toExportRequest) };
  }

  async approve(user: AuthUser, id: string): Promise<ExportRequest> {
    return this.decide(user, id, 'approved', null);
  }

  async refuse(user: AuthUser, id: string, reason: string): Promise<ExportRequest> {
    return this.decide(user, id, 'refused', reason.trim());
  }

  private async decide(user: AuthUser, id: string, status: 'approved' | 'refused', reason: string | null): Promise<ExportRequest> {
    const request = await this.decidable(user, id);
    if (request.requesterId === user.id) throw new DomainError('PERMISSION_DENIED', 'Nobody approves his own export');
    if (!(await this.requests.decide(id, status, user.username, reason))) throw stateError((await this.requests.byId(id))!.status);
    await this.audit.record({ userId: user.id, username: user.username, action: `export.${status}`, detail: { request: id, requester: request.requester, reason } });
    return toExportRequest((await this.requests.byId(id))!);
  }

  /** The request, if the approver's scope overlaps the requester's teams: 404 unknown, 403 outside. */
  private async decidable(user: AuthUser, id: string): Promise<ExportRequestEntity> {
    const request = await this.requests.byId(id);
    if (!request) throw notFound('Export request');
    const teams = this.scope.visibleTeamIds(user);
    if (teams && !request.teamIds.some((t) => teams.includes(t))) throw outOfScope();
    return request;
  }

  /** The approved file, once, to its requester only; made now, in his current scope and masking. */
  async download(user: AuthUser, id: string, style: HeaderStyle = 'zh'): Promise<{ body: Buffer; contentType: string; filename: string }> {
    const request = await this.requests.byId(id);
    if (!request || request.requesterId !== user.id) throw notFound('Export request');
    if (request.status !== 'approved') throw stateError(request.status);
    const file = await this.evaluations.export(user, { ...request.query, format: request.format }, request.id, style);
    if (!(await this.requests.markDownloaded(id, user.id))) throw stateError('downloaded');
    await this.audit.record({ userId: user.id, username: user.username, action: 'export.downloaded', detail: { request: id } });
    return file;
  }
}

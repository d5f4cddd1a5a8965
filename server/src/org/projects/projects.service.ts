import { Injectable } from '@nestjs/common';
import type { Project } from '#shared/api/org.js';
import type { Page } from '#shared/api/page.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { duplicate } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import type { CreateProjectDto, UpdateProjectDto } from './project.dto.js';
import { toProjectResponse } from './project.mapper.js';
import { ProjectRepository } from './project.repository.js';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<Page<Project>> {
    const items = (await this.projects.list(this.scope.visibleProjectIds(user))).map(toProjectResponse);
    return { total: items.length, items };
  }

  async get(user: AuthUser, id: string): Promise<Project> {
    return toProjectResponse(await this.scope.projectById(user, id));
  }

  async create(user: AuthUser, dto: CreateProjectDto): Promise<Project> {
    if (await this.projects.byCode(dto.code)) throw duplicate(`Project code ${dto.code}`);
    return this.transaction.run(async (tx) => {
      const saved = await this.projects.create({ code: dto.code, name: dto.name.trim() }, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'project.create', detail: { code: dto.code } }, tx);
      return toProjectResponse(saved);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateProjectDto): Promise<Project> {
    const project = await this.scope.projectById(user, id, { whole: true });
    if (dto.name !== undefined) project.name = dto.name.trim();
    if (dto.active !== undefined) project.active = dto.active;
    return this.transaction.run(async (tx) => {
      const saved = await this.projects.save(project, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'project.update', detail: { code: project.code, ...dto } }, tx);
      return toProjectResponse(saved);
    });
  }

  /** The whole project's supervisor (or an admin) sets its dispute window; audited. */
  async setDisputeWindow(user: AuthUser, id: string, days: number): Promise<Project> {
    const project = await this.scope.projectById(user, id, { whole: true });
    project.disputeWindowDays = days;
    return this.transaction.run(async (tx) => {
      const saved = await this.projects.save(project, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'project.disputeWindow', detail: { code: project.code, days } }, tx);
      return toProjectResponse(saved);
    });
  }

  /** The whole project's supervisor (or an admin) sets the share of daily calls scored blind; audited. */
  async setBlindShare(user: AuthUser, id: string, share: number): Promise<Project> {
    const project = await this.scope.projectById(user, id, { whole: true });
    const before = project.blindShare;
    project.blindShare = share;
    return this.transaction.run(async (tx) => {
      const saved = await this.projects.save(project, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'project.blindShare', detail: { code: project.code, share, before } }, tx);
      return toProjectResponse(saved);
    });
  }
}

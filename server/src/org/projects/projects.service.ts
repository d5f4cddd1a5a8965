import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Project } from '../../../../shared/src/api/org.js';
import type { Page } from '../../../../shared/src/api/page.js';
import { AuditService } from '../../audit/audit.service.js';
import { requireAccess, visibleProjects } from '../../auth/access.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { duplicate, notFound } from '../../common/domain-error.js';
import { ProjectEntity } from './project.entity.js';
import type { CreateProjectDto, UpdateProjectDto } from './project.dto.js';
import { ProjectRepository } from './project.repository.js';

export const toProjectResponse = (p: ProjectEntity): Project => ({ id: p.id, code: p.code, name: p.name, active: p.active });

@Injectable()
export class ProjectsService {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser): Promise<Page<Project>> {
    const items = (await this.projects.list(visibleProjects(user))).map(toProjectResponse);
    return { total: items.length, items };
  }

  async get(user: AuthUser, id: string): Promise<Project> {
    const project = await this.projects.byId(id);
    if (!project) throw notFound('Project');
    requireAccess(user, { projectId: project.id });
    return toProjectResponse(project);
  }

  async create(user: AuthUser, dto: CreateProjectDto): Promise<Project> {
    if (await this.projects.byCode(dto.code)) throw duplicate(`Project code ${dto.code}`);
    return this.db.transaction(async (m) => {
      const saved = await m.getRepository(ProjectEntity).save({ code: dto.code, name: dto.name.trim() });
      await this.audit.record({ userId: user.id, username: user.username, action: 'project.create', detail: { code: dto.code } }, m);
      return toProjectResponse(saved);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateProjectDto): Promise<Project> {
    const project = await this.projects.byId(id);
    if (!project) throw notFound('Project');
    requireAccess(user, { projectId: project.id, whole: true });
    if (dto.name !== undefined) project.name = dto.name.trim();
    if (dto.active !== undefined) project.active = dto.active;
    return this.db.transaction(async (m) => {
      const saved = await m.getRepository(ProjectEntity).save(project);
      await this.audit.record({ userId: user.id, username: user.username, action: 'project.update', detail: { code: project.code, ...dto } }, m);
      return toProjectResponse(saved);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Team, TeamLead } from '../../../../shared/src/api/org.js';
import type { Page } from '../../../../shared/src/api/page.js';
import { AuditService } from '../../audit/audit.service.js';
import { requireAccess, visibleTeams } from '../../auth/access.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { duplicate, invalid, notFound } from '../../common/domain-error.js';
import { ProjectRepository } from '../projects/project.repository.js';
import type { CreateTeamDto, TeamQueryDto, UpdateTeamDto } from './team.dto.js';
import { TeamEntity } from './team.entity.js';
import { TeamRepository } from './team.repository.js';

const toTeamResponse = (t: TeamEntity, leads: TeamLead[] = []): Team => ({
  id: t.id,
  code: t.code,
  name: t.name,
  project: t.project.code,
  projectName: t.project.name,
  active: t.active,
  leads,
});

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamRepository,
    private readonly projects: ProjectRepository,
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: TeamQueryDto): Promise<Page<Team>> {
    let projectId: string | undefined;
    if (query.project) {
      const project = await this.projects.byCode(query.project);
      if (!project) throw invalid('project', `unknown project ${query.project}`);
      requireAccess(user, { projectId: project.id });
      projectId = project.id;
    }
    const teams = await this.teams.list({ ids: visibleTeams(user), projectId });
    const leads = await this.teams.leadsOf(teams.map((t) => t.id));
    return { total: teams.length, items: teams.map((t) => toTeamResponse(t, leads.get(t.id))) };
  }

  async get(user: AuthUser, id: string): Promise<Team> {
    const team = await this.teams.byId(id);
    if (!team) throw notFound('Team');
    requireAccess(user, { teamId: team.id });
    return toTeamResponse(team, (await this.teams.leadsOf([team.id])).get(team.id));
  }

  async create(user: AuthUser, dto: CreateTeamDto): Promise<Team> {
    const project = await this.projects.byCode(dto.project);
    if (!project) throw invalid('project', `unknown project ${dto.project}`);
    requireAccess(user, { projectId: project.id, whole: true });
    if (await this.teams.byCode(dto.code)) throw duplicate(`Team code ${dto.code}`);
    return this.db.transaction(async (m) => {
      const saved = await m.getRepository(TeamEntity).save({ code: dto.code, name: dto.name.trim(), projectId: project.id });
      await this.audit.record({ userId: user.id, username: user.username, action: 'team.create', detail: { code: dto.code, project: project.code } }, m);
      return toTeamResponse({ ...saved, project, active: true } as TeamEntity);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateTeamDto): Promise<Team> {
    const team = await this.teams.byId(id);
    if (!team) throw notFound('Team');
    requireAccess(user, { projectId: team.projectId, whole: true });
    if (dto.name !== undefined) team.name = dto.name.trim();
    if (dto.active !== undefined) team.active = dto.active;
    await this.db.transaction(async (m) => {
      await m.getRepository(TeamEntity).update(team.id, { name: team.name, active: team.active });
      await this.audit.record({ userId: user.id, username: user.username, action: 'team.update', detail: { code: team.code, ...dto } }, m);
    });
    return this.get(user, id);
  }
}

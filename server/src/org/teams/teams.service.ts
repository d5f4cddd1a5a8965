import { Injectable } from '@nestjs/common';
import type { Team } from '#shared/api/org.js';
import type { Page } from '#shared/api/page.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { duplicate } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import type { CreateTeamDto, TeamQueryDto, UpdateTeamDto } from './team.dto.js';
import type { TeamEntity } from './team.entity.js';
import { toTeamResponse } from './team.mapper.js';
import { TeamRepository } from './team.repository.js';

@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamRepository,
    private readonly scope: ScopeService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthUser, query: TeamQueryDto): Promise<Page<Team>> {
    const project = query.project ? await this.scope.project(user, query.project, { filter: true }) : undefined;
    const teams = await this.teams.list({ teamIds: this.scope.visibleTeamIds(user), projectId: project?.id });
    const leads = await this.teams.leadsOf(teams.map((t) => t.id));
    return { total: teams.length, items: teams.map((t) => toTeamResponse(t, leads.get(t.id))) };
  }

  async get(user: AuthUser, id: string): Promise<Team> {
    const team = await this.scope.teamById(user, id);
    return toTeamResponse(team, (await this.teams.leadsOf([team.id])).get(team.id));
  }

  async create(user: AuthUser, dto: CreateTeamDto): Promise<Team> {
    const project = await this.scope.project(user, dto.project, { whole: true });
    if (await this.teams.byCode(dto.code)) throw duplicate(`Team code ${dto.code}`);
    return this.transaction.run(async (tx) => {
      const saved = await this.teams.create({ code: dto.code, name: dto.name.trim(), projectId: project.id }, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'team.create', detail: { code: dto.code, project: project.code } }, tx);
      return toTeamResponse({ ...saved, project, active: true } as TeamEntity);
    });
  }

  async update(user: AuthUser, id: string, dto: UpdateTeamDto): Promise<Team> {
    const team = await this.scope.teamById(user, id, { wholeProject: true });
    if (dto.name !== undefined) team.name = dto.name.trim();
    if (dto.active !== undefined) team.active = dto.active;
    await this.transaction.run(async (tx) => {
      await this.teams.update(team.id, { name: team.name, active: team.active }, tx);
      await this.audit.record({ userId: user.id, username: user.username, action: 'team.update', detail: { code: team.code, ...dto } }, tx);
    });
    return this.get(user, id);
  }
}

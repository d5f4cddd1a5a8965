import { Injectable } from '@nestjs/common';
import type { User } from '#shared/api/org.js';
import type { Page } from '#shared/api/page.js';
import { can } from '#shared/permissions.js';
import { AuditService } from '#server/audit/audit.service.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { hashPassword } from '#server/auth/auth.service.js';
import { SessionService } from '#server/auth/session.service.js';
import { DomainError, duplicate, invalid, notFound } from '#server/common/domain-error.js';
import { TransactionRunner } from '#server/database/transaction.js';
import type { ProjectEntity } from '../projects/project.entity.js';
import { ProjectRepository } from '../projects/project.repository.js';
import type { TeamEntity } from '../teams/team.entity.js';
import { TeamRepository } from '../teams/team.repository.js';
import type { CreateUserDto, UpdateUserDto } from './user.dto.js';
import { toUserResponse } from './user.mapper.js';
import { UserRepository } from './user.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly projects: ProjectRepository,
    private readonly teams: TeamRepository,
    private readonly sessions: SessionService,
    private readonly transaction: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<Page<User>> {
    const users = await this.users.list();
    return { total: users.length, items: users.map(toUserResponse) };
  }

  async get(id: string): Promise<User> {
    const user = await this.users.byId(id);
    if (!user) throw notFound('User');
    return toUserResponse(user);
  }

  /** Resolves codes to rows, naming every code that does not exist. */
  private async bindings(projectCodes?: string[], teamCodes?: string[]): Promise<{ projects?: ProjectEntity[]; teams?: TeamEntity[] }> {
    const projects = projectCodes && (await this.projects.byCodes(projectCodes));
    const missingProjects = projectCodes?.filter((c) => !projects!.some((p) => p.code === c)) ?? [];
    if (missingProjects.length) throw invalid('projects', `unknown project code(s): ${missingProjects.join(', ')}`);
    const teams = teamCodes && (await this.teams.byCodes(teamCodes));
    const missingTeams = teamCodes?.filter((c) => !teams!.some((t) => t.code === c)) ?? [];
    if (missingTeams.length) throw invalid('teams', `unknown team code(s): ${missingTeams.join(', ')}`);
    return { projects, teams };
  }

  /** The "all projects" flag only for roles that may hold it: asked for by anyone else, 400. */
  private allProjects(roles: CreateUserDto['roles'], asked: boolean | undefined, current = false): boolean {
    if (asked && !can(roles, 'scope.allProjects')) throw invalid('allProjects', 'only a supervisor or an admin may see all projects', 'notAllowed');
    return can(roles, 'scope.allProjects') && (asked ?? current);
  }

  async create(actor: AuthUser, dto: CreateUserDto): Promise<User> {
    const allProjects = this.allProjects(dto.roles, dto.allProjects);
    const { projects, teams } = await this.bindings(dto.projects ?? [], dto.teams ?? []);
    if (await this.users.exists(dto.username)) throw duplicate(`User ${dto.username}`);
    const passwordHash = await hashPassword(dto.password);
    const id = await this.transaction.run(async (tx) => {
      const saved = await this.users.save(
        { username: dto.username, passwordHash, displayName: dto.displayName.trim(), roles: dto.roles, allProjects, projects, teams },
        tx,
      );
      await this.audit.record(
        { userId: actor.id, username: actor.username, action: 'user.create', detail: { username: dto.username, roles: dto.roles, allProjects } },
        tx,
      );
      return saved.id;
    });
    return this.get(id);
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<User> {
    const user = await this.users.byId(id);
    if (!user) throw notFound('User');
    if (user.id === actor.id && (dto.active === false || (dto.roles && !can(dto.roles, 'org.user.edit')))) {
      // Otherwise the last admin can lock everyone out of the organisation pages.
      throw new DomainError('SELF_LOCKOUT', 'You cannot deactivate yourself or remove your own admin role');
    }
    user.allProjects = this.allProjects(dto.roles ?? user.roles, dto.allProjects, user.allProjects);
    const { projects, teams } = await this.bindings(dto.projects, dto.teams);
    if (dto.displayName !== undefined) user.displayName = dto.displayName.trim();
    if (dto.roles) user.roles = dto.roles;
    if (dto.active !== undefined) user.active = dto.active;
    if (projects) user.projects = projects;
    if (teams) user.teams = teams;
    if (dto.password) user.passwordHash = await hashPassword(dto.password);
    await this.transaction.run(async (tx) => {
      await this.users.save(user, tx);
      const { password: _, ...visible } = dto;
      await this.audit.record(
        { userId: actor.id, username: actor.username, action: 'user.update', detail: { username: user.username, ...visible, passwordChanged: !!dto.password } },
        tx,
      );
    });
    // A deactivated user or a changed password ends every open session at once.
    if (dto.active === false || dto.password) await this.sessions.revokeAllOf(user.id);
    return this.get(id);
  }
}

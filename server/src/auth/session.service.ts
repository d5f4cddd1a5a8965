import { Inject, Injectable } from '@nestjs/common';
import { can } from '#shared/permissions.js';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';
import type { AuthUser } from './auth-user.js';
import { SessionRepository, type SessionUserRow, type SessionUserScopeRow } from './session.repository.js';
import { hashToken, newToken } from './token.js';

@Injectable()
export class SessionService {
  constructor(
    private readonly sessions: SessionRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    await this.sessions.insert(hashToken(token), userId, expiresAt);
    // Expired sessions are dead weight; sweep the user's own on each sign-in.
    await this.sessions.deleteExpiredOf(userId);
    return { token, expiresAt };
  }

  async revoke(token: string): Promise<void> {
    await this.sessions.deleteByTokenHash(hashToken(token));
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.sessions.deleteAllOf(userId);
  }

  async resolve(token: string): Promise<AuthUser | null> {
    const row = await this.sessions.userOf(hashToken(token));
    return row ? this.withScope(row, row) : null;
  }

  /** Computes what a user may see from the projects and teams they are bound to. */
  async authUser(row: SessionUserRow): Promise<AuthUser> {
    return this.withScope(row, await this.sessions.scopeOf(row.id));
  }

  private async withScope(row: SessionUserRow, { bindings, teams }: Pick<SessionUserScopeRow, 'bindings' | 'teams'>): Promise<AuthUser> {
    const wholeProjectIds = bindings.filter((b) => b.kind === 'p').map((b) => b.id);
    // "All projects" is an explicit flag, never the absence of bindings: unbound from everything sees nothing.
    const allProjects = can(row.roles, 'scope.allProjects') && (row.allProjects ?? (await this.sessions.allProjectsOf(row.id)));
    const seesAll = can(row.roles, 'scope.wholeCentre') || allProjects;
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      roles: row.roles,
      projectCodes: bindings.filter((b) => b.kind === 'p').map((b) => b.code),
      teamCodes: bindings.filter((b) => b.kind === 't').map((b) => b.code),
      seesAll,
      visibleTeamIds: teams.map((t) => t.id),
      visibleProjectIds: [...new Set([...wholeProjectIds, ...teams.map((t) => t.projectId)])],
      wholeProjectIds,
    };
  }
}

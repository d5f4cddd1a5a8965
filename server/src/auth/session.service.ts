import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../../../shared/src/org.js';
import { can } from '../../../shared/src/permissions.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { AuthUser } from './auth-user.js';
import { hashToken, newToken } from './token.js';

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

@Injectable()
export class SessionService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    await this.db.query(`INSERT INTO auth_sessions ("tokenHash", "userId", "expiresAt") VALUES ($1, $2, $3)`, [hashToken(token), userId, expiresAt]);
    // Expired sessions are dead weight; sweep the user's own on each sign-in.
    await this.db.query(`DELETE FROM auth_sessions WHERE "userId" = $1 AND "expiresAt" < now()`, [userId]);
    return { token, expiresAt };
  }

  async revoke(token: string): Promise<void> {
    await this.db.query(`DELETE FROM auth_sessions WHERE "tokenHash" = $1`, [hashToken(token)]);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM auth_sessions WHERE "userId" = $1`, [userId]);
  }

  async resolve(token: string): Promise<AuthUser | null> {
    const rows: UserRow[] = await this.db.query(
      `SELECT u.id, u.username, u."displayName", u.roles::text[] AS roles
         FROM auth_sessions s JOIN users u ON u.id = s."userId"
        WHERE s."tokenHash" = $1 AND s."expiresAt" > now() AND u.active`,
      [hashToken(token)],
    );
    return rows[0] ? this.authUser(rows[0]) : null;
  }

  /** Computes what a user may see from the projects and teams they are bound to. */
  async authUser(row: UserRow): Promise<AuthUser> {
    const bindings: { kind: 'p' | 't'; id: string; code: string; projectId: string }[] = await this.db.query(
      `SELECT 'p' AS kind, p.id, p.code, p.id AS "projectId" FROM user_projects up JOIN projects p ON p.id = up."projectId" WHERE up."userId" = $1
       UNION ALL
       SELECT 't', t.id, t.code, t."projectId" FROM user_teams ut JOIN teams t ON t.id = ut."teamId" WHERE ut."userId" = $1`,
      [row.id],
    );
    const wholeProjectIds = bindings.filter((b) => b.kind === 'p').map((b) => b.id);
    const teamIds = bindings.filter((b) => b.kind === 't').map((b) => b.id);
    const visibleTeams: { id: string; projectId: string }[] = wholeProjectIds.length || teamIds.length
      ? await this.db.query(`SELECT id, "projectId" FROM teams WHERE "projectId" = ANY($1) OR id = ANY($2)`, [wholeProjectIds, teamIds])
      : [];
    const seesAll = can(row.roles, 'scope.wholeCentre') || (can(row.roles, 'scope.wholeCentreWhenUnbound') && bindings.length === 0);
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      roles: row.roles,
      projectCodes: bindings.filter((b) => b.kind === 'p').map((b) => b.code),
      teamCodes: bindings.filter((b) => b.kind === 't').map((b) => b.code),
      seesAll,
      visibleTeamIds: visibleTeams.map((t) => t.id),
      visibleProjectIds: [...new Set([...wholeProjectIds, ...visibleTeams.map((t) => t.projectId)])],
      wholeProjectIds,
    };
  }
}

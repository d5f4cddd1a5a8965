import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '#shared/org.js';

/** The user a session belongs to, as the guard needs them. */
export interface SessionUserRow {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** The explicit "all projects" flag; looked up when left out. */
  allProjects?: boolean;
}

/** A project (`p`) or team (`t`) a user is bound to, with the project it belongs to. */
export interface BindingRow {
  kind: 'p' | 't';
  id: string;
  code: string;
  projectId: string;
}

/** A session's user with what their scope is computed from. */
export interface SessionUserScopeRow extends SessionUserRow {
  bindings: BindingRow[];
  /** Every team of the bound projects, and the bound teams themselves, with their project. */
  teams: { id: string; projectId: string }[];
}

/**
 * The projects (`p`) and teams (`t`) a user (`userId`, an SQL expression) is bound to, and every team
 * they may see through them, as JSON arrays in one row.
 */
const SCOPE_OF = (userId: string) => `
  SELECT COALESCE((SELECT json_agg(b) FROM (
           SELECT 'p' AS kind, p.id, p.code, p.id AS "projectId" FROM user_projects up JOIN projects p ON p.id = up."projectId" WHERE up."userId" = ${userId}
           UNION ALL
           SELECT 't', t.id, t.code, t."projectId" FROM user_teams ut JOIN teams t ON t.id = ut."teamId" WHERE ut."userId" = ${userId}) b), '[]') AS bindings,
         COALESCE((SELECT json_agg(json_build_object('id', t.id, 'projectId', t."projectId")) FROM teams t
            WHERE t."projectId" IN (SELECT up."projectId" FROM user_projects up WHERE up."userId" = ${userId})
               OR t.id IN (SELECT ut."teamId" FROM user_teams ut WHERE ut."userId" = ${userId})), '[]') AS teams`;

/** Sessions are looked up by the SHA-256 of their token only (see SessionEntity). */
@Injectable()
export class SessionRepository {
  constructor(private readonly db: DataSource) {}

  async insert(tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await this.db.query(`INSERT INTO auth_sessions ("tokenHash", "userId", "expiresAt") VALUES ($1, $2, $3)`, [tokenHash, userId, expiresAt]);
  }

  async deleteExpiredOf(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM auth_sessions WHERE "userId" = $1 AND "expiresAt" < now()`, [userId]);
  }

  async deleteByTokenHash(tokenHash: string): Promise<void> {
    await this.db.query(`DELETE FROM auth_sessions WHERE "tokenHash" = $1`, [tokenHash]);
  }

  async deleteAllOf(userId: string): Promise<void> {
    await this.db.query(`DELETE FROM auth_sessions WHERE "userId" = $1`, [userId]);
  }

  /**
   * The active user of a session that has not expired, with their bindings and visible teams: one
   * statement, since every request of every user resolves its session (the load bench's mix spent
   * three round trips here before).
   */
  async userOf(tokenHash: string): Promise<SessionUserScopeRow | null> {
    const rows: SessionUserScopeRow[] = await this.db.query(
      `SELECT u.id, u.username, u."displayName", u.roles::text[] AS roles, u."allProjects", scope.bindings, scope.teams
         FROM auth_sessions s JOIN users u ON u.id = s."userId"
        CROSS JOIN LATERAL (${SCOPE_OF('u.id')}) scope
        WHERE s."tokenHash" = $1 AND s."expiresAt" > now() AND u.active`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** A user's bindings and visible teams (see SCOPE_OF). */
  async scopeOf(userId: string): Promise<Pick<SessionUserScopeRow, 'bindings' | 'teams'>> {
    const rows: Pick<SessionUserScopeRow, 'bindings' | 'teams'>[] = await this.db.query(SCOPE_OF('$1::uuid'), [userId]);
    return rows[0];
  }

  async allProjectsOf(userId: string): Promise<boolean> {
    const rows: { allProjects: boolean }[] = await this.db.query(`SELECT "allProjects" FROM users WHERE id = $1`, [userId]);
    return rows[0]?.allProjects ?? false;
  }
}

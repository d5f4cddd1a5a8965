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

  /** The active user of a session that has not expired. */
  async userOf(tokenHash: string): Promise<SessionUserRow | null> {
    const rows: SessionUserRow[] = await this.db.query(
      `SELECT u.id, u.username, u."displayName", u.roles::text[] AS roles, u."allProjects"
         FROM auth_sessions s JOIN users u ON u.id = s."userId"
        WHERE s."tokenHash" = $1 AND s."expiresAt" > now() AND u.active`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async allProjectsOf(userId: string): Promise<boolean> {
    const rows: { allProjects: boolean }[] = await this.db.query(`SELECT "allProjects" FROM users WHERE id = $1`, [userId]);
    return rows[0]?.allProjects ?? false;
  }

  bindingsOf(userId: string): Promise<BindingRow[]> {
    return this.db.query(
      `SELECT 'p' AS kind, p.id, p.code, p.id AS "projectId" FROM user_projects up JOIN projects p ON p.id = up."projectId" WHERE up."userId" = $1
       UNION ALL
       SELECT 't', t.id, t.code, t."projectId" FROM user_teams ut JOIN teams t ON t.id = ut."teamId" WHERE ut."userId" = $1`,
      [userId],
    );
  }

  /** Every team of the projects, and the teams themselves, with their project. */
  async teamsWithin(projectIds: string[], teamIds: string[]): Promise<{ id: string; projectId: string }[]> {
    if (!projectIds.length && !teamIds.length) return [];
    return this.db.query(`SELECT id, "projectId" FROM teams WHERE "projectId" = ANY($1) OR id = ANY($2)`, [projectIds, teamIds]);
  }
}

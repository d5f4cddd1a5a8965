import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChecklistSection } from '#shared/checklists/types.js';
import type { ExampleKind, ExampleRegion } from '#shared/api/examples.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';

/** The evaluation an example is marked on, with what checks the example. */
export interface MarkedEvaluation {
  id: string;
  status: 'draft' | 'submitted';
  recordingId: string;
  projectId: string;
  teamId: string;
  durationSeconds: number;
  sections: ChecklistSection[];
  source: string;
  /** A calibration evaluation's session and whether it is revealed (null: not a calibration evaluation, or none linked). */
  calibrationSessionId: string | null;
  calibrationRevealed: boolean | null;
}

export interface ExampleRow {
  id: string;
  evaluationId: string;
  recordingId: string;
  kind: ExampleKind;
  items: string[];
  note: string;
  tags: string[];
  regions: ExampleRegion[];
  projectId: string;
  teamId: string;
  project: string;
  team: string;
  teamName: string;
  agent: string;
  agentName: string;
  customerNumber: string | null;
  startedAt: Date;
  durationSeconds: number;
  score: number | null;
  authorId: string;
  author: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  sections: ChecklistSection[];
}

export interface ExampleFilter {
  /** The teams the caller may see, null for all. */
  teamIds: string[] | null;
  projectId?: string;
  teamId?: string;
  kind?: ExampleKind;
  item?: string;
  tag?: string;
}

export interface ExampleContent {
  kind: ExampleKind;
  items: string[];
  note: string;
  tags: string[];
  regions: ExampleRegion[];
}

export interface SessionRow {
  id: string;
  projectId: string;
  project: string;
  date: string;
  title: string;
  presenter: string;
  presenterName: string;
  createdBy: string;
  createdAt: Date;
}

/** A user who may present a session of a project. */
export interface PresenterRow {
  id: string;
  username: string;
  displayName: string;
}

const EXAMPLE_COLUMNS = `x.id, x."evaluationId", x."recordingId", x.kind, x.items, x.note, x.tags, x.regions, x."projectId", x."teamId",
  p.code AS project, t.code AS team, t.name AS "teamName", a."employeeNo" AS agent, a.name AS "agentName", r."customerNumber",
  r."startedAt", r."durationSeconds", e.score, x."authorId", u.username AS author, u."displayName" AS "authorName",
  x."createdAt", x."updatedAt", cv.sections`;
const EXAMPLE_FROM = `FROM call_examples x JOIN evaluations e ON e.id = x."evaluationId" JOIN recordings r ON r.id = x."recordingId"
  JOIN agents a ON a.id = r."agentId" JOIN teams t ON t.id = x."teamId" JOIN projects p ON p.id = x."projectId"
  JOIN users u ON u.id = x."authorId" JOIN checklist_versions cv ON cv.id = e."checklistVersionId"`;

const SESSION_COLUMNS = `s.id, s."projectId", p.code AS project, to_char(s.date, 'YYYY-MM-DD') AS date, s.title, pu.username AS presenter,
  pu."displayName" AS "presenterName", cu.username AS "createdBy", s."createdAt"`;
const SESSION_FROM = `FROM sharing_sessions s JOIN projects p ON p.id = s."projectId" JOIN users pu ON pu.id = s."presenterId" JOIN users cu ON cu.id = s."createdBy"`;

/** The queries behind example calls, sharing sessions and the FAQ's links to examples. */
@Injectable()
export class ExampleRepository {
  constructor(private readonly db: DataSource) {}

  async evaluation(id: string): Promise<MarkedEvaluation | null> {
    const [row] = await this.db.query(
      `SELECT e.id, e.status, e."recordingId", e."projectId", e."teamId", r."durationSeconds", cv.sections, e.source::text AS source,
              e."calibrationSessionId", CASE WHEN cs.id IS NULL THEN NULL ELSE cs."revealedAt" IS NOT NULL END AS "calibrationRevealed"
         FROM evaluations e JOIN recordings r ON r.id = e."recordingId" JOIN checklist_versions cv ON cv.id = e."checklistVersionId"
         LEFT JOIN calibration_sessions cs ON cs.id = e."calibrationSessionId"
        WHERE e.id = $1`,
      [id],
    );
    return row ?? null;
  }

  async insert(e: MarkedEvaluation, c: ExampleContent, authorId: string): Promise<string> {
    const [row]: { id: string }[] = await this.db.query(
      `INSERT INTO call_examples ("evaluationId", "recordingId", "projectId", "teamId", kind, items, note, tags, regions, "authorId")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [e.id, e.recordingId, e.projectId, e.teamId, c.kind, c.items, c.note, c.tags, JSON.stringify(c.regions), authorId],
    );
    return row.id;
  }

  async update(id: string, c: ExampleContent): Promise<void> {
    await this.db.query(`UPDATE call_examples SET kind = $2, items = $3, note = $4, tags = $5, regions = $6, "updatedAt" = now() WHERE id = $1`, [
      id,
      c.kind,
      c.items,
      c.note,
      c.tags,
      JSON.stringify(c.regions),
    ]);
  }

  async remove(id: string): Promise<void> {
    await this.db.query(`DELETE FROM call_examples WHERE id = $1`, [id]);
  }

  async byId(id: string): Promise<ExampleRow | null> {
    const [row] = await this.db.query(`SELECT ${EXAMPLE_COLUMNS} ${EXAMPLE_FROM} WHERE x.id = $1`, [id]);
    return row ?? null;
  }

  byIds(ids: string[]): Promise<ExampleRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.query(`SELECT ${EXAMPLE_COLUMNS} ${EXAMPLE_FROM} WHERE x.id = ANY($1)`, [ids]);
  }

  /** Newest first. */
  list(f: ExampleFilter): Promise<ExampleRow[]> {
    const filter = new SqlFilter().withinTeams('x."teamId"', f.teamIds).equals('x."projectId"', f.projectId).equals('x."teamId"', f.teamId).equals('x.kind', f.kind);
    if (f.item) filter.add('? = ANY(x.items)', f.item);
    if (f.tag) filter.add('? = ANY(x.tags)', f.tag);
    return this.db.query(`SELECT ${EXAMPLE_COLUMNS} ${EXAMPLE_FROM} ${filter.where} ORDER BY x."createdAt" DESC, x.id LIMIT 500`, filter.params);
  }

  // Sharing sessions

  async insertSession(
    s: { projectId: string; date: string; title: string; presenterId: string; createdBy: string },
    exampleIds: string[],
    tx: Transaction,
  ): Promise<string> {
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO sharing_sessions ("projectId", date, title, "presenterId", "createdBy") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [s.projectId, s.date, s.title, s.presenterId, s.createdBy],
    );
    await this.setPlaylist(row.id, exampleIds, tx);
    return row.id;
  }

  async updateSession(id: string, s: { date: string; title: string; presenterId: string }, exampleIds: string[], tx: Transaction): Promise<void> {
    await tx.query(`UPDATE sharing_sessions SET date = $2, title = $3, "presenterId" = $4 WHERE id = $1`, [id, s.date, s.title, s.presenterId]);
    await tx.query(`DELETE FROM sharing_session_examples WHERE "sessionId" = $1`, [id]);
    await this.setPlaylist(id, exampleIds, tx);
  }

  private async setPlaylist(sessionId: string, exampleIds: string[], tx: Transaction): Promise<void> {
    for (const [position, exampleId] of exampleIds.entries()) {
      await tx.query(`INSERT INTO sharing_session_examples ("sessionId", position, "exampleId") VALUES ($1, $2, $3)`, [sessionId, position, exampleId]);
    }
  }

  async removeSession(id: string): Promise<void> {
    await this.db.query(`DELETE FROM sharing_sessions WHERE id = $1`, [id]);
  }

  async session(id: string): Promise<SessionRow | null> {
    const [row] = await this.db.query(`SELECT ${SESSION_COLUMNS} ${SESSION_FROM} WHERE s.id = $1`, [id]);
    return row ?? null;
  }

  /** Newest date first. */
  sessions(f: { projectIds: string[] | null; projectId?: string }): Promise<SessionRow[]> {
    const filter = new SqlFilter().equals('s."projectId"', f.projectId);
    if (f.projectIds) filter.add('s."projectId" = ANY(?)', f.projectIds);
    return this.db.query(`SELECT ${SESSION_COLUMNS} ${SESSION_FROM} ${filter.where} ORDER BY s.date DESC, s."createdAt" DESC LIMIT 200`, filter.params);
  }

  /** Each session's example ids in playing order. */
  playlists(sessionIds: string[]): Promise<{ sessionId: string; exampleId: string }[]> {
    if (!sessionIds.length) return Promise.resolve([]);
    return this.db.query(`SELECT "sessionId", "exampleId" FROM sharing_session_examples WHERE "sessionId" = ANY($1) ORDER BY "sessionId", position`, [sessionIds]);
  }

  async userId(username: string): Promise<string | null> {
    const [row] = await this.db.query(`SELECT id FROM users WHERE lower(username) = lower($1)`, [username]);
    return row?.id ?? null;
  }

  /**
   * Active users holding one of `roles` who see the project: the whole centre (`wholeCentre` roles, or
   * `allProjects` roles with the flag), bound to the project, or bound to one of its teams. One of them
   * by username (case-insensitive) when given. By display name.
   */
  presenters(
    projectId: string,
    roles: { holders: readonly string[]; wholeCentre: readonly string[]; allProjects: readonly string[] },
    username?: string,
  ): Promise<PresenterRow[]> {
    return this.db.query(
      `SELECT u.id, u.username, u."displayName" FROM users u
        WHERE u.active AND u.roles::text[] && $2::text[]
          AND (u.roles::text[] && $3::text[] OR (u."allProjects" AND u.roles::text[] && $4::text[])
               OR EXISTS (SELECT 1 FROM user_projects up WHERE up."userId" = u.id AND up."projectId" = $1)
               OR EXISTS (SELECT 1 FROM user_teams ut JOIN teams t ON t.id = ut."teamId" WHERE ut."userId" = u.id AND t."projectId" = $1))
          AND ($5::text IS NULL OR lower(u.username) = lower($5))
        ORDER BY u."displayName", u.username LIMIT 1000`,
      [projectId, roles.holders, roles.wholeCentre, roles.allProjects, username ?? null],
    );
  }

  // FAQ links

  async faqEntryExists(id: string): Promise<boolean> {
    const [row] = await this.db.query(`SELECT 1 FROM faq_entries WHERE id = $1`, [id]);
    return !!row;
  }

  async faqLinks(entryId: string): Promise<string[]> {
    const rows: { exampleId: string }[] = await this.db.query(`SELECT "exampleId" FROM faq_entry_examples WHERE "entryId" = $1 ORDER BY position`, [entryId]);
    return rows.map((r) => r.exampleId);
  }

  async setFaqLinks(entryId: string, exampleIds: string[], tx: Transaction): Promise<void> {
    await tx.query(`DELETE FROM faq_entry_examples WHERE "entryId" = $1`, [entryId]);
    for (const [position, exampleId] of exampleIds.entries()) {
      await tx.query(`INSERT INTO faq_entry_examples ("entryId", "exampleId", position) VALUES ($1, $2, $3)`, [entryId, exampleId, position]);
    }
  }
}

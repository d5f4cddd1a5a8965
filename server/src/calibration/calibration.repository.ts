import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ChecklistSection } from '#shared/checklists/types.js';
import type { Verdict } from '#shared/scoring/score.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';

export interface SessionRow {
  id: string;
  title: string;
  projectId: string;
  project: string;
  deadline: string;
  expertId: string | null;
  expert: string | null;
  createdBy: string;
  createdAt: Date;
  revealedAt: Date | null;
  /** Not revealed, and every participant submitted every call or the deadline has passed. */
  ready: boolean;
  calls: number;
  participants: number;
  submitted: number;
}

export interface CallRow {
  recordingId: string;
  teamId: string;
  agent: string;
  agentName: string;
  team: string;
  startedAt: Date;
  durationSeconds: number | null;
}

export interface MemberRow {
  userId: string;
  username: string;
  displayName: string;
  expert: boolean;
  submitted: number;
  drafts: number;
}

/** A submitted evaluation of the session, with its verdicts by item code. */
export interface SessionEvaluationRow {
  recordingId: string;
  inspectorId: string;
  score: number | null;
  fatal: boolean | null;
  verdicts: Record<string, Verdict | null>;
}

export interface GuidanceRow {
  code: string;
  text: string;
  by: string;
  at: Date;
  draftVersion: number | null;
}

export interface ToScoreRow {
  sessionId: string;
  title: string;
  deadline: string;
  recordingId: string;
  agent: string;
  agentName: string;
  startedAt: Date;
  draft: boolean;
}

/** A user as named in a session's body, with what his scope is computed from. */
export interface NamedUserRow {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  allProjects: boolean;
}

/** Whether the user (`$n`) takes part in the session `s`, as a participant or its expert. */
const MEMBER = (n: number) => `(s."expertId" = $${n} OR EXISTS (SELECT 1 FROM calibration_participants mp WHERE mp."sessionId" = s.id AND mp."userId" = $${n}))`;

const CALLS = `(SELECT count(*)::int FROM calibration_calls c WHERE c."sessionId" = s.id)`;
const PARTICIPANTS = `(SELECT count(*)::int FROM calibration_participants cp WHERE cp."sessionId" = s.id)`;
const SUBMITTED = `(SELECT count(*)::int FROM evaluations e JOIN calibration_participants cp ON cp."sessionId" = s.id AND cp."userId" = e."inspectorId"
      WHERE e."calibrationSessionId" = s.id AND e.status = 'submitted')`;
/**
 * Ready to reveal (issue 15): not revealed, and every participant submitted every call or the deadline
 * (a local day, `today` its placeholder) has passed. The one definition behind the filter and the flag.
 */
const READY = (today: string) => `(s."revealedAt" IS NULL AND (s.deadline < ${today}::date OR ${SUBMITTED} >= ${CALLS} * ${PARTICIPANTS}))`;

/** The sessions with their counts; `today` is the placeholder of the centre's local day. */
const SESSION_SELECT = (today: string) => `SELECT s.id, s.title, s."projectId", p.code AS project, to_char(s.deadline, 'YYYY-MM-DD') AS deadline, s."expertId",
    eu.username AS expert, cu.username AS "createdBy", s."createdAt", s."revealedAt",
    ${CALLS} AS calls, ${PARTICIPANTS} AS participants, ${SUBMITTED} AS submitted, ${READY(today)} AS ready
  FROM calibration_sessions s JOIN projects p ON p.id = s."projectId" JOIN users cu ON cu.id = s."createdBy" LEFT JOIN users eu ON eu.id = s."expertId"`;

/** Which sessions a list shows: not revealed (ready or not), ready to reveal, revealed. */
export type SessionStatusFilter = 'open' | 'ready' | 'revealed';

/** The queries of calibration sessions (issue 15). */
@Injectable()
export class CalibrationRepository {
  constructor(private readonly db: DataSource) {}

  // Reading

  /** `today`: the centre's local day (YYYY-MM-DD), which says whether the deadline has passed. */
  async byId(id: string, today: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await this.db.query(`${SESSION_SELECT('$2')} WHERE s.id = $1`, [id, today]);
    return rows[0] ?? null;
  }

  /**
   * Newest first: of the projects given (null: all), when `memberId` is given only those he takes part
   * in, and by status (`ready`: the sessions the supervisor's home counts as ready to reveal).
   */
  list(f: { projectIds: string[] | null; memberId?: string; status?: SessionStatusFilter; today: string }): Promise<SessionRow[]> {
    const filter = new SqlFilter([f.today]);
    if (f.projectIds) filter.add('s."projectId" = ANY(?)', f.projectIds);
    if (f.status === 'open') filter.add('s."revealedAt" IS NULL');
    if (f.status === 'revealed') filter.add('s."revealedAt" IS NOT NULL');
    if (f.status === 'ready') filter.add(READY('$1'));
    if (f.memberId)
      filter.add(`(s."expertId" = ? OR EXISTS (SELECT 1 FROM calibration_participants mp WHERE mp."sessionId" = s.id AND mp."userId" = ?))`, f.memberId, f.memberId);
    return this.db.query(`${SESSION_SELECT('$1')} ${filter.where} ORDER BY s."createdAt" DESC, s.id LIMIT 500`, filter.params);
  }

  /** Whether the user takes part in the session, as a participant or its expert. */
  async isMember(sessionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`SELECT 1 FROM calibration_sessions s WHERE s.id = $1 AND ${MEMBER(2)}`, [sessionId, userId]);
    return rows.length > 0;
  }

  calls(sessionId: string): Promise<CallRow[]> {
    return this.db.query(
      `SELECT c."recordingId", r."teamId", a."employeeNo" AS agent, a.name AS "agentName", t.code AS team, r."startedAt", r."durationSeconds"
         FROM calibration_calls c JOIN recordings r ON r.id = c."recordingId" JOIN agents a ON a.id = r."agentId" JOIN teams t ON t.id = r."teamId"
        WHERE c."sessionId" = $1 ORDER BY c.position`,
      [sessionId],
    );
  }

  /** The participants in order, then the expert, each with his submitted evaluations and open drafts of the session. */
  members(sessionId: string): Promise<MemberRow[]> {
    return this.db.query(
      `SELECT m."userId", u.username, u."displayName", m.expert,
              (SELECT count(*)::int FROM evaluations e WHERE e."calibrationSessionId" = $1 AND e."inspectorId" = m."userId" AND e.status = 'submitted') AS submitted,
              (SELECT count(*)::int FROM evaluations e WHERE e."calibrationSessionId" = $1 AND e."inspectorId" = m."userId" AND e.status = 'draft') AS drafts
         FROM (SELECT cp."userId", false AS expert, cp.position FROM calibration_participants cp WHERE cp."sessionId" = $1
               UNION ALL SELECT s."expertId", true, 32767 FROM calibration_sessions s WHERE s.id = $1 AND s."expertId" IS NOT NULL) m
         JOIN users u ON u.id = m."userId"
        ORDER BY m.position`,
      [sessionId],
    );
  }

  /** The session's submitted evaluations (one per scorer and call: the latest, should there be two). */
  evaluations(sessionId: string): Promise<SessionEvaluationRow[]> {
    return this.db.query(
      `SELECT DISTINCT ON (e."recordingId", e."inspectorId") e."recordingId", e."inspectorId", e.score, e.fatal,
              COALESCE((SELECT jsonb_object_agg(i.code, i.verdict) FROM evaluation_items i WHERE i."evaluationId" = e.id), '{}') AS verdicts
         FROM evaluations e
        WHERE e."calibrationSessionId" = $1 AND e.status = 'submitted'
        ORDER BY e."recordingId", e."inspectorId", e."submittedAt" DESC`,
      [sessionId],
    );
  }

  /** The checklist the session was scored with: the latest version among its evaluations, else the active one. */
  async sections(sessionId: string): Promise<ChecklistSection[]> {
    const rows: { sections: ChecklistSection[] }[] = await this.db.query(
      `SELECT cv.sections FROM checklist_versions cv
        WHERE cv.id IN (SELECT e."checklistVersionId" FROM evaluations e WHERE e."calibrationSessionId" = $1)
           OR (NOT EXISTS (SELECT 1 FROM evaluations e WHERE e."calibrationSessionId" = $1) AND cv.status = 'published')
        ORDER BY cv.version DESC LIMIT 1`,
      [sessionId],
    );
    return rows[0]?.sections ?? [];
  }

  guidance(sessionId: string): Promise<GuidanceRow[]> {
    return this.db.query(
      `SELECT g.code, g.text, u.username AS by, g.at, g."draftVersion" FROM calibration_guidance g JOIN users u ON u.id = g."userId"
        WHERE g."sessionId" = $1 ORDER BY g.code`,
      [sessionId],
    );
  }

  /** The calls of open sessions the user takes part in that he has not submitted yet, by deadline. */
  toScore(userId: string): Promise<ToScoreRow[]> {
    return this.db.query(
      `SELECT s.id AS "sessionId", s.title, to_char(s.deadline, 'YYYY-MM-DD') AS deadline, c."recordingId", a."employeeNo" AS agent, a.name AS "agentName",
              r."startedAt",
              EXISTS (SELECT 1 FROM evaluations d WHERE d."calibrationSessionId" = s.id AND d."recordingId" = c."recordingId" AND d."inspectorId" = $1 AND d.status = 'draft') AS draft
         FROM calibration_sessions s JOIN calibration_calls c ON c."sessionId" = s.id
         JOIN recordings r ON r.id = c."recordingId" JOIN agents a ON a.id = r."agentId"
        WHERE s."revealedAt" IS NULL AND ${MEMBER(1)}
          AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e."calibrationSessionId" = s.id AND e."recordingId" = c."recordingId" AND e."inspectorId" = $1 AND e.status = 'submitted')
        ORDER BY s.deadline, s."createdAt", c.position
        LIMIT 200`,
      [userId],
    );
  }

  /**
   * Revealed sessions of the projects (null: all) the user took part in as a participant (not as the
   * expert), revealed on a local day (`TZ`) from `from` to `to`: what his calibration agreement reads.
   */
  async revealedWith(userId: string, f: { projectIds: string[] | null; from: string; to: string }): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT s.id FROM calibration_sessions s
        WHERE s."revealedAt" IS NOT NULL AND ($2::uuid[] IS NULL OR s."projectId" = ANY($2::uuid[]))
          AND (s."revealedAt" AT TIME ZONE $5)::date BETWEEN $3 AND $4
          AND EXISTS (SELECT 1 FROM calibration_participants cp WHERE cp."sessionId" = s.id AND cp."userId" = $1)
        ORDER BY s."revealedAt", s.id`,
      [userId, f.projectIds, f.from, f.to, process.env.TZ || 'Asia/Shanghai'],
    );
    return rows.map((r) => r.id);
  }

  /** Users by username (case-insensitive), active or not, with their roles and "all projects" flag. */
  usersByName(usernames: string[]): Promise<NamedUserRow[]> {
    return this.db.query(`SELECT id, username, "displayName", roles::text[] AS roles, active, "allProjects" FROM users WHERE lower(username) = ANY($1)`, [
      usernames.map((u) => u.toLowerCase()),
    ]);
  }

  // Writing, inside the caller's transaction

  async insert(
    s: { title: string; projectId: string; deadline: string; expertId: string | null; createdBy: string },
    recordingIds: string[],
    participantIds: string[],
    tx: Transaction,
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO calibration_sessions (title, "projectId", deadline, "expertId", "createdBy") VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [s.title, s.projectId, s.deadline, s.expertId, s.createdBy],
    );
    await tx.query(`INSERT INTO calibration_calls ("sessionId", "recordingId", position) SELECT $1, r, n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS x(r, n)`, [
      id,
      recordingIds,
    ]);
    await tx.query(`INSERT INTO calibration_participants ("sessionId", "userId", position) SELECT $1, u, n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS x(u, n)`, [
      id,
      participantIds,
    ]);
    return id;
  }

  /** Reveals a blind session; false when it was revealed already (the row is locked first, so two reveals do not both pass). */
  async reveal(id: string, userId: string, tx: Transaction): Promise<boolean> {
    const [row]: { revealedAt: Date | null }[] = await tx.query(`SELECT "revealedAt" FROM calibration_sessions WHERE id = $1 FOR UPDATE`, [id]);
    if (!row || row.revealedAt) return false;
    await tx.query(`UPDATE calibration_sessions SET "revealedAt" = now(), "revealedBy" = $2 WHERE id = $1`, [id, userId]);
    return true;
  }

  async upsertGuidance(sessionId: string, g: { code: string; text: string; draftVersion: number | null }, userId: string, tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO calibration_guidance ("sessionId", code, text, "userId", "draftVersion") VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ("sessionId", code) DO UPDATE SET text = EXCLUDED.text, "userId" = EXCLUDED."userId", "draftVersion" = EXCLUDED."draftVersion", at = now()`,
      [sessionId, g.code, g.text, userId, g.draftVersion],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SamplingRules } from '#shared/api/sampling.js';
import { SqlFilter } from '#server/database/sql-filter.js';
import type { Transaction } from '#server/database/transaction.js';
import type { Candidate, FocusReason } from './picker.js';
import { SamplingRunEntity } from './sampling.entity.js';

/** An assignment with the names it is shown with, as read (see `toAssignment`). */
export interface AssignmentRow {
  id: string;
  recordingId: string;
  agent: string;
  agentName: string;
  team: string;
  inspector: string;
  reason: string;
  source: string;
  blind: boolean;
  date: string;
  duration: number;
  startedAt: Date;
  done: boolean;
}

/** Which assignments to read; every criterion given must hold. */
export interface AssignmentCriteria {
  id?: string;
  runId?: string;
  recordingIds?: string[];
  inspectorId?: string;
  date?: string;
  source?: 'daily' | 'spot-check';
  /** Assignments of this day or later, and older ones their listener has not scored yet. */
  openOrSince?: string;
}

/** An assignment with the project of its team: what moving it to another inspector is checked against. */
export interface AssignmentScope {
  id: string;
  recordingId: string;
  inspectorId: string;
  teamId: string;
  projectId: string;
}

export type NewAssignment = {
  runId: string | null;
  recordingId: string;
  inspectorId: string;
  agentId: string;
  teamId: string;
  date: string;
  reason: string;
  source: 'daily' | 'spot-check';
  /** Scored without the machine's verdicts until submit; false unless said. */
  blind?: boolean;
};

export interface InspectorRow {
  inspectorId: string;
  username: string;
  displayName: string;
  /** The project's teams the inspector is bound to; null when bound to the whole project. */
  teamIds: string[] | null;
}

/** A pick of a run that no inspector could open, as reported with the run. */
export interface UncoveredRow {
  recordingId: string;
  agent: string;
  team: string;
  reason: string;
}

export interface ConfidenceRow {
  agent: string;
  agentName: string;
  team: string;
  /** The scores of randomly picked daily calls, in order of submission; null without any. */
  random: number[] | null;
  allDaily: number;
}

/** A sampled call is done once its listener submitted an evaluation of it; a calibration one is another exercise (issue 15). */
const SCORED = `EXISTS (SELECT 1 FROM evaluations e WHERE e."recordingId" = sa."recordingId" AND e."inspectorId" = sa."inspectorId" AND e.status = 'submitted' AND e.source <> 'calibration')`;
const ASSIGNMENT_COLUMNS = `sa.id, sa."recordingId", a."employeeNo" AS agent, a.name AS "agentName", t.code AS team, u.username AS inspector,
  sa.reason, sa.source, sa.blind, sa.date, r."durationSeconds" AS duration, r."startedAt", ${SCORED} AS done`;
const ASSIGNMENT_FROM = `FROM sampling_assignments sa JOIN recordings r ON r.id = sa."recordingId" JOIN agents a ON a.id = sa."agentId"
  JOIN teams t ON t.id = sa."teamId" JOIN users u ON u.id = sa."inspectorId"`;

/** The queries behind sampling: runs, candidates of a day, focus agents, inspectors, assignments. */
@Injectable()
export class SamplingRepository {
  constructor(private readonly db: DataSource) {}

  // Runs

  run(projectId: string, date: string): Promise<SamplingRunEntity | null> {
    return this.db.getRepository(SamplingRunEntity).findOneBy({ projectId, date });
  }

  runById(id: string): Promise<SamplingRunEntity | null> {
    return this.db.getRepository(SamplingRunEntity).findOneBy({ id });
  }

  /** A new run of the project's day, or null when the day is sampled already (at the same moment by someone else). */
  async insertRunIfNone(
    values: { projectId: string; date: string; seed: number; rules: SamplingRules; createdBy: string | null },
    tx: Transaction,
  ): Promise<string | null> {
    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO sampling_runs ("projectId", date, seed, rules, candidates, "createdBy") VALUES ($1, $2, $3, $4, 0, $5) ON CONFLICT ("projectId", date) DO NOTHING RETURNING id`,
      [values.projectId, values.date, values.seed, JSON.stringify(values.rules), values.createdBy],
    );
    return inserted[0]?.id ?? null;
  }

  async setCandidates(runId: string, candidates: number, tx: Transaction): Promise<void> {
    await tx.query(`UPDATE sampling_runs SET candidates = $2 WHERE id = $1`, [runId, candidates]);
  }

  async setUncovered(runId: string, uncovered: { recordingId: string; reason: string }[], tx: Transaction): Promise<void> {
    await tx.query(`UPDATE sampling_runs SET uncovered = $2 WHERE id = $1`, [runId, JSON.stringify(uncovered)]);
  }

  /** The run's picks no inspector could open, with their agent and team. */
  uncovered(runId: string): Promise<UncoveredRow[]> {
    return this.db.query(
      `SELECT u."recordingId", a."employeeNo" AS agent, t.code AS team, u.reason
         FROM sampling_runs sr CROSS JOIN jsonb_to_recordset(sr.uncovered) AS u("recordingId" uuid, reason text)
         JOIN recordings r ON r.id = u."recordingId" JOIN agents a ON a.id = r."agentId" JOIN teams t ON t.id = r."teamId"
        WHERE sr.id = $1 ORDER BY t.code, a."employeeNo", r."startedAt", u."recordingId"`,
      [runId],
    );
  }

  /** Active projects whose day has no run yet. */
  unsampledProjects(date: string): Promise<{ id: string; code: string }[]> {
    return this.db.query(
      `SELECT p.id, p.code FROM projects p WHERE p.active AND NOT EXISTS (SELECT 1 FROM sampling_runs r WHERE r."projectId" = p.id AND r.date = $1) ORDER BY p.code`,
      [date],
    );
  }

  // What a run draws from

  /**
   * The day's calls a plan may draw from: long enough, of the wanted kinds, not given out yet for
   * this source (`daily`: the daily sample; `spot-check`: team leads' spot checks; a call can be
   * both, so spot checks never take calls away from the daily run), with the rules they failed
   * under the checklist version given (the active one).
   */
  async candidates(
    projectId: string,
    date: string,
    rules: SamplingRules,
    checklistVersionId: string,
    tx: Transaction = this.db.manager,
    source: NewAssignment['source'] = 'daily',
  ): Promise<(Candidate & { teamId: string; unchecked: boolean })[]> {
    const filter = new SqlFilter([projectId, date, checklistVersionId, source]).add('r."durationSeconds" >= ?', rules.minDurationSeconds);
    if (rules.directions.length && rules.directions.length < 2) filter.add('r.direction = ANY(?::call_direction[])', rules.directions);
    if (rules.businessTypes.length) filter.add('r."businessType" = ANY(?)', rules.businessTypes);
    const complaint = `r."businessType" = ANY(${filter.param(rules.complaintBusinessTypes)})`;
    return tx.query(
      `SELECT r.id AS "recordingId", r."externalId", r."agentId", r."teamId", r."durationSeconds", r."businessType",
              COALESCE(ac."failedCodes", '{}') AS "failedCodes", (r."hasTranscript" AND ac."recordingId" IS NULL) AS unchecked
         FROM recordings r
         JOIN agents a ON a.id = r."agentId" AND a.status = 'active'
         LEFT JOIN recording_auto_checks ac ON ac."recordingId" = r.id AND ac."checklistVersionId" = $3
        WHERE r."projectId" = $1 AND r."localDate" = $2
          AND ((${filter.conjunction}) OR ${complaint})
          AND NOT EXISTS (SELECT 1 FROM sampling_assignments sa WHERE sa."recordingId" = r.id AND sa.source = $4)`,
      filter.params,
    );
  }

  /**
   * Agents of the project who get extra listening on that day (DOMAIN.md 11.7), with why: the
   * evaluations of the window up to the run (a day is sampled once it is over, usually the next
   * morning, so what was submitted since counts too).
   */
  async focusAgents(projectId: string, date: string, rules: SamplingRules, tx: Transaction = this.db.manager): Promise<Map<string, FocusReason[]>> {
    const rows: { id: string; newHire: boolean; lowScore: boolean; fatal: boolean }[] = await tx.query(
      `SELECT a.id,
              (a.grade = 'intern' OR a."hiredAt" > $2::date - $3::int) AS "newHire",
              COALESCE((SELECT avg(e.score) FROM evaluations e WHERE e."agentId" = a.id AND e.status = 'submitted' AND e.source <> 'calibration'
                          AND e."submittedDate" > $2::date - $5::int), 100) < $4 AS "lowScore",
              EXISTS (SELECT 1 FROM evaluations e WHERE e."agentId" = a.id AND e.status = 'submitted' AND e.source <> 'calibration' AND e.fatal
                        AND e."submittedDate" > $2::date - $6::int) AS fatal
         FROM agents a JOIN teams t ON t.id = a."teamId"
        WHERE t."projectId" = $1 AND a.status = 'active'`,
      [projectId, date, rules.newHireDays, rules.lowScoreThreshold, rules.lowScoreDays, rules.fatalDays],
    );
    const focus = new Map<string, FocusReason[]>();
    for (const r of rows) {
      // Most pressing first: the first reason is the one a pick names.
      const reasons: FocusReason[] = [...(r.fatal ? ['fatal' as const] : []), ...(r.lowScore ? ['low-score' as const] : []), ...(r.newHire ? ['new-hire' as const] : [])];
      if (reasons.length) focus.set(r.id, reasons);
    }
    return focus;
  }

  /** Active inspectors who see the project: bound to it (teamIds null), or to some of its teams (those). */
  inspectorsOf(projectId: string, tx: Transaction = this.db.manager): Promise<InspectorRow[]> {
    return tx.query(
      `SELECT u.id AS "inspectorId", u.username, u."displayName",
              CASE WHEN EXISTS (SELECT 1 FROM user_projects up WHERE up."userId" = u.id AND up."projectId" = $1) THEN NULL
                   ELSE ARRAY(SELECT ut."teamId" FROM user_teams ut JOIN teams t ON t.id = ut."teamId" WHERE ut."userId" = u.id AND t."projectId" = $1 ORDER BY ut."teamId") END AS "teamIds"
         FROM users u
        WHERE u.active AND 'inspector' = ANY(u.roles)
          AND (EXISTS (SELECT 1 FROM user_projects up WHERE up."userId" = u.id AND up."projectId" = $1)
               OR EXISTS (SELECT 1 FROM user_teams ut JOIN teams t ON t.id = ut."teamId" WHERE ut."userId" = u.id AND t."projectId" = $1))
        ORDER BY u.username`,
      [projectId],
    );
  }

  // Assignments

  /** The project's share of daily calls scored blind (issue 15). */
  async blindShare(projectId: string, tx: Transaction): Promise<number> {
    const [row] = await tx.query(`SELECT "blindShare" FROM projects WHERE id = $1`, [projectId]);
    return row?.blindShare ?? 0;
  }

  /** In order of day, open before scored, then the call's start. */
  assignments(c: AssignmentCriteria, tx: Transaction = this.db.manager): Promise<AssignmentRow[]> {
    const filter = new SqlFilter()
      .equals('sa.id', c.id)
      .equals('sa."runId"', c.runId)
      .equals('sa."inspectorId"', c.inspectorId)
      .equals('sa.date', c.date)
      .equals('sa.source', c.source);
    if (c.recordingIds) filter.add('sa."recordingId" = ANY(?)', c.recordingIds);
    if (c.openOrSince) filter.add(`(sa.date >= ? OR NOT ${SCORED})`, c.openOrSince);
    return tx.query(`SELECT ${ASSIGNMENT_COLUMNS} ${ASSIGNMENT_FROM} ${filter.where} ORDER BY sa.date, done, r."startedAt", sa.id`, filter.params);
  }

  async assignmentScope(id: string): Promise<AssignmentScope | null> {
    const [row] = await this.db.query(
      `SELECT sa.id, sa."recordingId", sa."inspectorId", sa."teamId", t."projectId" FROM sampling_assignments sa JOIN teams t ON t.id = sa."teamId" WHERE sa.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** The listener has submitted an evaluation of the call. */
  async isScored(recordingId: string, inspectorId: string): Promise<boolean> {
    const rows = await this.db.query(`SELECT 1 FROM evaluations WHERE "recordingId" = $1 AND "inspectorId" = $2 AND status = 'submitted' AND source <> 'calibration'`, [
      recordingId,
      inspectorId,
    ]);
    return rows.length > 0;
  }

  async reassign(id: string, inspectorId: string): Promise<void> {
    await this.db.query(`UPDATE sampling_assignments SET "inspectorId" = $2 WHERE id = $1`, [id, inspectorId]);
  }

  /** Inserts in chunks: a large centre's day gives thousands of picks. */
  async insertAssignments(rows: NewAssignment[], tx: Transaction): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values: unknown[] = [];
      const tuples = chunk.map((r) => {
        const base = values.length;
        values.push(r.runId, r.recordingId, r.inspectorId, r.agentId, r.teamId, r.date, r.reason, r.source, r.blind ?? false);
        return `(${Array.from({ length: 9 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
      });
      await tx.query(
        `INSERT INTO sampling_assignments ("runId", "recordingId", "inspectorId", "agentId", "teamId", date, reason, source, blind) VALUES ${tuples.join(', ')}`,
        values,
      );
    }
  }

  // Reports

  /**
   * Per active agent of the team or project (within the caller's teams): the scores of submitted
   * evaluations of randomly picked calls of the period, and how many daily evaluations there were.
   */
  confidence(f: { teamIds: string[] | null; teamId?: string; projectId?: string; from: string; to: string }): Promise<ConfidenceRow[]> {
    const where = new SqlFilter().add(`a.status = 'active'`).equals('a."teamId"', f.teamId).equals('t."projectId"', f.projectId).withinTeams('a."teamId"', f.teamIds);
    const period = where.sub().localDateBetween('e."callDate"', f.from, f.to);
    return this.db.query(
      `SELECT a."employeeNo" AS agent, a.name AS "agentName", t.code AS team,
              array_agg(e.score ORDER BY e."submittedAt") FILTER (WHERE sa.reason = 'random' AND e.id IS NOT NULL) AS random,
              count(e.id) FILTER (WHERE e.source = 'daily')::int AS "allDaily"
         FROM agents a JOIN teams t ON t.id = a."teamId"
         LEFT JOIN evaluations e ON e."agentId" = a.id AND e.status = 'submitted' AND e.source <> 'calibration' AND ${period.conjunction}
         LEFT JOIN sampling_assignments sa ON sa."recordingId" = e."recordingId" AND sa."inspectorId" = e."inspectorId"
        ${where.where}
        GROUP BY a.id, a."employeeNo", a.name, t.code ORDER BY t.code, a."employeeNo"`,
      where.params,
    );
  }
}

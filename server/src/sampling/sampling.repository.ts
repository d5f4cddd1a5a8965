import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Assignment, SamplingRules } from '../../../shared/src/api/sampling.js';
import type { Candidate, FocusReason } from './picker.js';

const ASSIGNMENT_COLUMNS = `sa.id, sa."recordingId", a."employeeNo" AS agent, a.name AS "agentName", t.code AS team, u.username AS inspector,
  sa.reason, sa.source, sa.date, r."durationSeconds" AS duration, r."startedAt",
  EXISTS (SELECT 1 FROM evaluations e WHERE e."recordingId" = sa."recordingId" AND e."inspectorId" = sa."inspectorId" AND e.status = 'submitted') AS done`;
const ASSIGNMENT_FROM = `FROM sampling_assignments sa JOIN recordings r ON r.id = sa."recordingId" JOIN agents a ON a.id = sa."agentId"
  JOIN teams t ON t.id = sa."teamId" JOIN users u ON u.id = sa."inspectorId"`;

/** The queries behind sampling: candidates of a day, focus agents, inspectors, assignments. */
@Injectable()
export class SamplingRepository {
  constructor(private readonly db: DataSource) {}

  /** The day's calls a plan may draw from: long enough, of the wanted kinds, not given to anyone yet. */
  async candidates(projectId: string, date: string, rules: SamplingRules, m: EntityManager = this.db.manager): Promise<(Candidate & { teamId: string; unchecked: boolean })[]> {
    const params: unknown[] = [projectId, date, rules.minDurationSeconds];
    const filters = [`r."durationSeconds" >= $3`];
    if (rules.directions.length && rules.directions.length < 2) filters.push(`r.direction = ANY($${params.push(rules.directions)}::call_direction[])`);
    if (rules.businessTypes.length) filters.push(`r."businessType" = ANY($${params.push(rules.businessTypes)})`);
    const complaint = `r."businessType" = ANY($${params.push(rules.complaintBusinessTypes)})`;
    return m.query(
      `SELECT r.id AS "recordingId", r."externalId", r."agentId", r."teamId", r."durationSeconds", r."businessType",
              COALESCE(ac."failedCodes", '{}') AS "failedCodes", (r."hasTranscript" AND ac."recordingId" IS NULL) AS unchecked
         FROM recordings r
         JOIN agents a ON a.id = r."agentId" AND a.status = 'active'
         LEFT JOIN recording_auto_checks ac ON ac."recordingId" = r.id
              AND ac."checklistVersionId" = (SELECT id FROM checklist_versions WHERE status = 'published' ORDER BY version DESC LIMIT 1)
        WHERE r."projectId" = $1 AND r."localDate" = $2
          AND ((${filters.join(' AND ')}) OR ${complaint})
          AND NOT EXISTS (SELECT 1 FROM sampling_assignments sa WHERE sa."recordingId" = r.id)`,
      params,
    );
  }

  /** Agents of the project who get extra listening on that day (DOMAIN.md 11.7), with why. */
  async focusAgents(projectId: string, date: string, rules: SamplingRules, m: EntityManager = this.db.manager): Promise<Map<string, FocusReason[]>> {
    const rows: { id: string; newHire: boolean; lowScore: boolean; fatal: boolean }[] = await m.query(
      `SELECT a.id,
              (a.grade = 'intern' OR a."hiredAt" > $2::date - $3::int) AS "newHire",
              COALESCE((SELECT avg(e.score) FROM evaluations e WHERE e."agentId" = a.id AND e.status = 'submitted'
                          AND e."submittedDate" > $2::date - $5::int AND e."submittedDate" <= $2::date), 100) < $4 AS "lowScore",
              EXISTS (SELECT 1 FROM evaluations e WHERE e."agentId" = a.id AND e.status = 'submitted' AND e.fatal
                        AND e."submittedDate" > $2::date - $6::int AND e."submittedDate" <= $2::date) AS fatal
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

  /** Active inspectors who see the project: bound to it, or to one of its teams. */
  inspectorsOf(projectId: string, m: EntityManager = this.db.manager): Promise<{ inspectorId: string; username: string }[]> {
    return m.query(
      `SELECT DISTINCT u.id AS "inspectorId", u.username FROM users u
        WHERE u.active AND 'inspector' = ANY(u.roles)
          AND (EXISTS (SELECT 1 FROM user_projects up WHERE up."userId" = u.id AND up."projectId" = $1)
               OR EXISTS (SELECT 1 FROM user_teams ut JOIN teams t ON t.id = ut."teamId" WHERE ut."userId" = u.id AND t."projectId" = $1))
        ORDER BY u.username`,
      [projectId],
    );
  }

  async assignments(where: string, params: unknown[], m: EntityManager = this.db.manager): Promise<Assignment[]> {
    const rows = await m.query(`SELECT ${ASSIGNMENT_COLUMNS} ${ASSIGNMENT_FROM} WHERE ${where} ORDER BY sa.date, done, r."startedAt", sa.id`, params);
    return rows.map((r: Assignment & { startedAt: Date }) => ({ ...r, duration: Math.round(r.duration * 10) / 10, startedAt: new Date(r.startedAt).toISOString() }));
  }

  /** Inserts in chunks: a large centre's day gives thousands of picks. */
  async insertAssignments(m: EntityManager, rows: { runId: string | null; recordingId: string; inspectorId: string; agentId: string; teamId: string; date: string; reason: string; source: string }[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const values: unknown[] = [];
      const tuples = chunk.map((r) => {
        const base = values.length;
        values.push(r.runId, r.recordingId, r.inspectorId, r.agentId, r.teamId, r.date, r.reason, r.source);
        return `(${Array.from({ length: 8 }, (_, k) => `$${base + k + 1}`).join(', ')})`;
      });
      await m.query(`INSERT INTO sampling_assignments ("runId", "recordingId", "inspectorId", "agentId", "teamId", date, reason, source) VALUES ${tuples.join(', ')}`, values);
    }
  }
}

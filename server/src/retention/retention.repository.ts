import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Transaction } from '#server/database/transaction.js';
import { RetentionPolicyEntity } from './retention-policy.entity.js';

/** A project with its policy (null days and dates while it has none). */
export interface PolicyRow {
  projectId: string;
  projectCode: string;
  projectName: string;
  audioDays: number | null;
  evaluatedAudioDays: number | null;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** A call whose audio the policy lets go. */
export interface Candidate {
  id: string;
  audioKey: string;
  audioBytes: number;
}

/** How old a call must be, by local call day, to lose its audio: before `audio`, or before `evaluated` when it has an evaluation (null: never). */
export interface Cutoffs {
  audio: string;
  evaluated: string | null;
}

const POLICY_SELECT = `p.id AS "projectId", p.code AS "projectCode", p.name AS "projectName",
  rp."audioDays", rp."evaluatedAudioDays", rp."updatedAt", rp."updatedBy"
  FROM projects p LEFT JOIN retention_policies rp ON rp."projectId" = p.id`;

/**
 * Still needed by someone, whatever its age: a dispute not yet settled on one of its evaluations, an
 * evaluation whose dispute window is still open, an example call marked on it, or a rectification
 * notice not closed that cites one of its evaluations as evidence.
 */
const PROTECTED = `(
     EXISTS (SELECT 1 FROM evaluations e JOIN disputes d ON d."evaluationId" = e.id
              WHERE e."recordingId" = r.id AND d.status NOT IN ('resolved', 'ruled'))
  OR EXISTS (SELECT 1 FROM evaluations e
              WHERE e."recordingId" = r.id AND e.status = 'submitted' AND e.source <> 'calibration'
                AND e."submittedAt" + make_interval(days => p."disputeWindowDays") > now())
  OR EXISTS (SELECT 1 FROM call_examples x WHERE x."recordingId" = r.id)
  OR EXISTS (SELECT 1 FROM rectification_notices n JOIN evaluations e ON e.id = ANY (n."evaluationIds")
              WHERE n.status <> 'closed' AND e."recordingId" = r.id)
)`;

/** Old enough for the policy: $2 the audio cutoff, $3 the evaluated calls' (null: kept for ever). Walks IDX_recordings_audio_kept. */
const OLD_ENOUGH = `r."projectId" = $1 AND r."audioRemovedAt" IS NULL AND r."localDate" < $2::date
  AND (NOT EXISTS (SELECT 1 FROM evaluations e WHERE e."recordingId" = r.id)
       OR ($3::date IS NOT NULL AND r."localDate" < $3::date))`;

@Injectable()
export class RetentionRepository {
  constructor(private readonly db: DataSource) {}

  /** Every project (of these ids; null: all) with its policy, by code. */
  async list(projectIds: string[] | null): Promise<PolicyRow[]> {
    return projectIds
      ? this.db.query(`SELECT ${POLICY_SELECT} WHERE p.id = ANY($1::uuid[]) ORDER BY p.code`, [projectIds])
      : this.db.query(`SELECT ${POLICY_SELECT} ORDER BY p.code`);
  }

  async byProject(projectId: string, tx?: Transaction): Promise<PolicyRow> {
    const [row] = await (tx ?? this.db).query(`SELECT ${POLICY_SELECT} WHERE p.id = $1`, [projectId]);
    return row;
  }

  async save(policy: Pick<RetentionPolicyEntity, 'projectId' | 'audioDays' | 'evaluatedAudioDays' | 'updatedById' | 'updatedBy'>, tx: Transaction): Promise<void> {
    await tx.upsert(RetentionPolicyEntity, { ...policy, updatedAt: new Date() }, ['projectId']);
  }

  /** The projects whose policy deletes something (audio kept a limited time). */
  async configured(): Promise<PolicyRow[]> {
    return this.db.query(`SELECT ${POLICY_SELECT} WHERE rp."audioDays" IS NOT NULL ORDER BY p.code`);
  }

  /**
   * The next batch of the project's calls whose audio may go, oldest day first (the partial index's
   * order, so the scan stops at the batch), leaving out `skip` (failed this run).
   */
  async candidates(projectId: string, cutoffs: Cutoffs, skip: string[], limit: number): Promise<Candidate[]> {
    return this.db.query(
      `SELECT r.id, r."audioKey", r."audioBytes"
         FROM recordings r JOIN projects p ON p.id = r."projectId"
        WHERE ${OLD_ENOUGH} AND NOT ${PROTECTED} AND NOT (r.id = ANY ($4::uuid[]))
        ORDER BY r."localDate"
        LIMIT $5`,
      [projectId, cutoffs.audio, cutoffs.evaluated, skip, limit],
    );
  }

  /** The project's calls old enough to lose their audio but kept because someone still needs them. */
  async countProtected(projectId: string, cutoffs: Cutoffs): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM recordings r JOIN projects p ON p.id = r."projectId" WHERE ${OLD_ENOUGH} AND ${PROTECTED}`, [
      projectId,
      cutoffs.audio,
      cutoffs.evaluated,
    ]);
    return n;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Score sums of one trend bucket and one stratum of similar calls (same business type, direction and
 * length band): everyone's, and the inspector's own. Peers are everyone minus the inspector.
 */
export interface StratumSums {
  bucket: number;
  stratum: string;
  n: number;
  sum: number;
  squares: number;
  ownN: number;
  ownSum: number;
  ownSquares: number;
}

/** The inspector's amended evaluations and machine-suggested items per trend bucket. */
export interface BucketCounts {
  bucket: number;
  amended: number;
}

/** One automatic rule: the inspector's final verdicts against the machine's over the period, all, blind, and with the suggestion shown. */
export interface InspectorRuleRow {
  code: string;
  evaluated: number;
  agreed: number;
  blindEvaluated: number;
  blindAgreed: number;
  suggestedEvaluated: number;
  suggestedOverturned: number;
}

/** Length bands (seconds) within which two calls count as alike for comparing the scores given. */
const LENGTH_BANDS = [120, 300, 600];

/** Submitted, calibration aside, of some projects (a null array: all) and a call-date range. */
const COUNTED = `($1::uuid[] IS NULL OR e."projectId" = ANY($1::uuid[])) AND e.status = 'submitted' AND e.source <> 'calibration' AND e."callDate" BETWEEN $2 AND $3`;

/** Which of the buckets (an array of their first days, ascending) a call date falls in: 1-based. */
const BUCKET_OF = `width_bucket(e."callDate", $4::date[])`;

@Injectable()
export class ConsistencyRepository {
  constructor(private readonly db: DataSource) {}

  /** The user by username, with display name; undefined when there is none. */
  async user(username: string): Promise<{ id: string; username: string; displayName: string } | undefined> {
    const [row] = await this.db.query(`SELECT id, username, "displayName" FROM users WHERE username = $1`, [username]);
    return row;
  }

  /** Everyone's and the inspector's score sums per bucket and stratum of similar calls (of one project). */
  strata(f: { projectIds: string[] | null; from: string; to: string; inspectorId: string; bucketStarts: string[] }): Promise<StratumSums[]> {
    return this.db.query(
      `SELECT ${BUCKET_OF} AS bucket,
              concat_ws('|', e."projectId", coalesce(r."businessType", ''), r.direction::text, width_bucket(r."durationSeconds", $6::real[])) AS stratum,
              count(*)::int AS n, sum(e.score)::float8 AS sum, sum(e.score * e.score)::float8 AS squares,
              count(*) FILTER (WHERE e."inspectorId" = $5)::int AS "ownN",
              coalesce(sum(e.score) FILTER (WHERE e."inspectorId" = $5), 0)::float8 AS "ownSum",
              coalesce(sum(e.score * e.score) FILTER (WHERE e."inspectorId" = $5), 0)::float8 AS "ownSquares"
         FROM evaluations e JOIN recordings r ON r.id = e."recordingId"
        WHERE ${COUNTED} AND e.score IS NOT NULL
        GROUP BY 1, 2`,
      [f.projectIds, f.from, f.to, f.bucketStarts, f.inspectorId, LENGTH_BANDS],
    );
  }

  /** The inspector's evaluations a supervisor amended, per bucket of their call dates. */
  amendments(f: { projectIds: string[] | null; from: string; to: string; inspectorId: string; bucketStarts: string[] }): Promise<BucketCounts[]> {
    return this.db.query(
      `SELECT ${BUCKET_OF} AS bucket, count(*)::int AS amended
         FROM evaluations e
        WHERE ${COUNTED} AND e."inspectorId" = $5
          AND EXISTS (SELECT 1 FROM evaluation_history h WHERE h."evaluationId" = e.id AND h.action = 'amended')
        GROUP BY 1`,
      [f.projectIds, f.from, f.to, f.bucketStarts, f.inspectorId],
    );
  }

  /** Per automatic rule, how often the inspector's final verdict is the machine's (its N/A aside): all, blind, and overturned where it was shown. */
  machineAgreement(f: { projectIds: string[] | null; from: string; to: string; inspectorId: string }): Promise<InspectorRuleRow[]> {
    return this.db.query(
      `SELECT i.code, count(*)::int AS evaluated, count(*) FILTER (WHERE i.verdict = i."autoVerdict")::int AS agreed,
              count(*) FILTER (WHERE e.blind)::int AS "blindEvaluated",
              count(*) FILTER (WHERE e.blind AND i.verdict = i."autoVerdict")::int AS "blindAgreed",
              count(*) FILTER (WHERE NOT e.blind)::int AS "suggestedEvaluated",
              count(*) FILTER (WHERE NOT e.blind AND i.verdict <> i."autoVerdict")::int AS "suggestedOverturned"
         FROM evaluations e JOIN evaluation_items i ON i."evaluationId" = e.id
        WHERE ${COUNTED} AND e."inspectorId" = $4 AND i."autoVerdict" IS NOT NULL AND i."autoVerdict" <> 'na'
        GROUP BY i.code ORDER BY i.code`,
      [f.projectIds, f.from, f.to, f.inspectorId],
    );
  }
}

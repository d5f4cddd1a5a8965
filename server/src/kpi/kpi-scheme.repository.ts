import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { KpiPartWeight } from '#shared/kpi/scheme.js';
import type { Transaction } from '#server/database/transaction.js';

/** A scheme version as read, with the project's code and the usernames. */
export interface KpiSchemeRow {
  id: string;
  projectId: string;
  project: string;
  version: number;
  status: 'draft' | 'published';
  fromQuarter: string;
  qaWeight: number;
  parts: KpiPartWeight[];
  note: string | null;
  createdBy: string;
  createdAt: Date;
  publishedBy: string | null;
  publishedAt: Date | null;
}

export interface SchemeInput {
  fromQuarter: string;
  qaWeight: number;
  parts: KpiPartWeight[];
  note: string | null;
}

const SELECT = `SELECT s.id, s."projectId", p.code AS project, s.version, s.status, s."fromQuarter", s."qaWeight", s.parts, s.note,
                       c.username AS "createdBy", s."createdAt", pu.username AS "publishedBy", s."publishedAt"
                  FROM kpi_schemes s JOIN projects p ON p.id = s."projectId" JOIN users c ON c.id = s."createdBy"
                  LEFT JOIN users pu ON pu.id = s."publishedBy"`;

/** Whether a data-changing statement touched a row (wrapped, as TypeORM answers an UPDATE or DELETE with `[rows, count]`). */
async function changed(tx: Transaction, sql: string, params: unknown[]): Promise<boolean> {
  const [row]: { n: number }[] = await tx.query(`WITH c AS (${sql}) SELECT count(*)::int AS n FROM c`, params);
  return row.n > 0;
}

/** The queries of the KPI schemes and of the part values imported for them. */
@Injectable()
export class KpiSchemeRepository {
  constructor(private readonly db: DataSource) {}

  async byId(id: string, tx: Transaction = this.db.manager): Promise<KpiSchemeRow | null> {
    const [row] = await tx.query(`${SELECT} WHERE s.id = $1`, [id]);
    return row ?? null;
  }

  list(projectId: string): Promise<KpiSchemeRow[]> {
    return this.db.query(`${SELECT} WHERE s."projectId" = $1 ORDER BY s.version DESC`, [projectId]);
  }

  /** The published version in force for the quarter: the latest from that quarter or before (the higher version on the same quarter). */
  async inForce(projectId: string, quarter: string, tx: Transaction = this.db.manager): Promise<KpiSchemeRow | null> {
    const [row] = await tx.query(
      `${SELECT} WHERE s."projectId" = $1 AND s.status = 'published' AND s."fromQuarter" <= $2 ORDER BY s."fromQuarter" DESC, s.version DESC LIMIT 1`,
      [projectId, quarter],
    );
    return row ?? null;
  }

  /** Inserts the next version of the project as its draft; null when it has a draft already. */
  async insertDraft(projectId: string, input: SchemeInput, userId: string, tx: Transaction): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO kpi_schemes ("projectId", version, status, "fromQuarter", "qaWeight", parts, note, "createdBy")
       SELECT $1, COALESCE(max(version), 0) + 1, 'draft', $2, $3, $4::jsonb, $5, $6 FROM kpi_schemes WHERE "projectId" = $1
       ON CONFLICT DO NOTHING RETURNING id`,
      [projectId, input.fromQuarter, input.qaWeight, JSON.stringify(input.parts), input.note, userId],
    );
    return rows[0]?.id ?? null;
  }

  /** Changes a draft; false when it is no longer one. */
  async updateDraft(id: string, input: SchemeInput, tx: Transaction): Promise<boolean> {
    return changed(tx, `UPDATE kpi_schemes SET "fromQuarter" = $2, "qaWeight" = $3, parts = $4::jsonb, note = $5 WHERE id = $1 AND status = 'draft' RETURNING 1`, [
      id,
      input.fromQuarter,
      input.qaWeight,
      JSON.stringify(input.parts),
      input.note,
    ]);
  }

  async publish(id: string, userId: string, tx: Transaction): Promise<boolean> {
    return changed(tx, `UPDATE kpi_schemes SET status = 'published', "publishedBy" = $2, "publishedAt" = now() WHERE id = $1 AND status = 'draft' RETURNING 1`, [
      id,
      userId,
    ]);
  }

  async deleteDraft(id: string, tx: Transaction): Promise<boolean> {
    return changed(tx, `DELETE FROM kpi_schemes WHERE id = $1 AND status = 'draft' RETURNING 1`, [id]);
  }

  /**
   * The demo centre's scheme: project TM (telemarketing) weighs its sales target (销售目标达成, 30 %)
   * into the KPI score from `quarter` on, published by the demo supervisor, with every active TM
   * agent's value of the quarter (60–100, fixed by the employee number). Nothing when TM has a scheme.
   */
  async insertDemoScheme(quarter: string, tx: Transaction): Promise<number> {
    const rows: unknown[] = await tx.query(
      `WITH p AS (SELECT id FROM projects WHERE code = 'TM'), u AS (SELECT id FROM users WHERE username = 'supervisor'),
       s AS (
         INSERT INTO kpi_schemes ("projectId", version, status, "fromQuarter", "qaWeight", parts, note, "createdBy", "publishedBy", "publishedAt")
         SELECT p.id, 1, 'published', $1, 70, $2::jsonb, '演示：电话营销的销售目标达成计入 KPI 分', u.id, u.id, now() FROM p, u
          WHERE NOT EXISTS (SELECT 1 FROM kpi_schemes k WHERE k."projectId" = p.id)
         RETURNING "projectId")
       INSERT INTO kpi_part_values ("agentId", quarter, part, value)
       SELECT a.id, $1, 'sales', 60 + abs(hashtext(a."employeeNo")) % 41
         FROM agents a JOIN teams t ON t.id = a."teamId" JOIN s ON s."projectId" = t."projectId"
        WHERE a.status = 'active'
       ON CONFLICT DO NOTHING RETURNING 1`,
      [quarter, JSON.stringify([{ code: 'sales', name: '销售目标达成', weight: 30 }])],
    );
    return rows.length;
  }

  /** Stores or replaces each agent's value of a part in a quarter. */
  async upsertValues(rows: { agentId: string; quarter: string; part: string; value: number }[], userId: string, tx: Transaction): Promise<void> {
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await tx.query(
        `INSERT INTO kpi_part_values ("agentId", quarter, part, value, "updatedBy")
         SELECT a, q, p, v, $5 FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::float8[]) AS r(a, q, p, v)
         ON CONFLICT ("agentId", quarter, part) DO UPDATE SET value = EXCLUDED.value, "updatedBy" = EXCLUDED."updatedBy", "updatedAt" = now()`,
        [chunk.map((r) => r.agentId), chunk.map((r) => r.quarter), chunk.map((r) => r.part), chunk.map((r) => r.value), userId],
      );
    }
  }

  /** Per agent of the ids, his part values of the quarter by part code. */
  async values(agentIds: string[], quarter: string): Promise<Map<string, Record<string, number>>> {
    if (!agentIds.length) return new Map();
    const rows: { agentId: string; part: string; value: number }[] = await this.db.query(
      `SELECT "agentId", part, value FROM kpi_part_values WHERE "agentId" = ANY($1) AND quarter = $2`,
      [agentIds, quarter],
    );
    const out = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const values = out.get(r.agentId) ?? {};
      values[r.part] = r.value;
      out.set(r.agentId, values);
    }
    return out;
  }
}

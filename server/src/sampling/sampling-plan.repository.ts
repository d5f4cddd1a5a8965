import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SamplingRules } from '#shared/api/sampling.js';
import type { Transaction } from '#server/database/transaction.js';

/** A project's plan is kept as versions, each in force from its day on. */
@Injectable()
export class SamplingPlanRepository {
  constructor(private readonly db: DataSource) {}

  /** The rules of the newest version effective on or before the day (stored as saved: maybe partial). */
  async rulesOn(projectId: string, date: string): Promise<Partial<SamplingRules> | null> {
    const [row] = await this.db.query(`SELECT rules FROM sampling_plans WHERE "projectId" = $1 AND "effectiveFrom" <= $2 ORDER BY "effectiveFrom" DESC LIMIT 1`, [
      projectId,
      date,
    ]);
    return row?.rules ?? null;
  }

  /** The latest version that takes effect after the day. */
  async upcomingAfter(projectId: string, date: string): Promise<{ effectiveFrom: string; rules: Partial<SamplingRules> } | null> {
    const [row] = await this.db.query(
      `SELECT "effectiveFrom", rules FROM sampling_plans WHERE "projectId" = $1 AND "effectiveFrom" > $2 ORDER BY "effectiveFrom" DESC LIMIT 1`,
      [projectId, date],
    );
    return row ?? null;
  }

  /** Saves the version in force from that day, replacing one saved for the same day. */
  async save(values: { projectId: string; effectiveFrom: string; rules: SamplingRules; updatedBy: string }, tx: Transaction): Promise<void> {
    await tx.query(
      `INSERT INTO sampling_plans ("projectId", "effectiveFrom", rules, "updatedBy") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("projectId", "effectiveFrom") DO UPDATE SET rules = EXCLUDED.rules, "updatedBy" = EXCLUDED."updatedBy"`,
      [values.projectId, values.effectiveFrom, JSON.stringify(values.rules), values.updatedBy],
    );
  }

  /** A version from that day, unless one is saved for it already (the demo's plans). */
  async insertIfNone(projectId: string, effectiveFrom: string, rules: SamplingRules): Promise<void> {
    await this.db.query(`INSERT INTO sampling_plans ("projectId", "effectiveFrom", rules) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      projectId,
      effectiveFrom,
      JSON.stringify(rules),
    ]);
  }
}

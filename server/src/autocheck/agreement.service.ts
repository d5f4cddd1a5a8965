import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RuleAgreementReport } from '../../../shared/src/api/autocheck.js';
import { visibleTeams } from '../auth/access.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid } from '../common/domain-error.js';

/** How far inspectors trust each automatic rule: their final verdicts against the machine's suggestion. */
@Injectable()
export class AgreementService {
  constructor(private readonly db: DataSource) {}

  async byRule(user: AuthUser, from?: string, to?: string): Promise<RuleAgreementReport> {
    if (from && to && from > to) throw invalid('from', 'must not be after to');
    const params: unknown[] = [];
    const where = [`e.status = 'submitted'`, `i."autoVerdict" IS NOT NULL`, `i."autoVerdict" <> 'na'`];
    const teams = visibleTeams(user);
    if (teams) where.push(`e."teamId" = ANY($${params.push(teams)})`);
    if (from) where.push(`e."callDate" >= $${params.push(from)}`);
    if (to) where.push(`e."callDate" <= $${params.push(to)}`);
    const rows: { code: string; evaluated: number; agreed: number }[] = await this.db.query(
      `SELECT i.code, count(*)::int AS evaluated, count(*) FILTER (WHERE i.verdict = i."autoVerdict")::int AS agreed
         FROM evaluation_items i JOIN evaluations e ON e.id = i."evaluationId"
        WHERE ${where.join(' AND ')} GROUP BY i.code ORDER BY i.code`,
      params,
    );
    return { items: rows.map((r) => ({ ...r, overridden: r.evaluated - r.agreed, agreement: r.evaluated ? r.agreed / r.evaluated : null })) };
  }
}

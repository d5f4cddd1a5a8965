import { Injectable } from '@nestjs/common';
import type { ConsistencyShare, InspectorConsistency } from '#shared/api/dashboard.js';
import { ALL_PROJECTS } from '#shared/api/reports.js';
import { bucketCount, bucketsOf } from '#shared/reports/buckets.js';
import { wilsonInterval } from '#shared/rectification/failure-rate.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { invalid } from '#server/common/domain-error.js';
import { CalibrationService } from '#server/calibration/calibration.service.js';
import { DisputeFiguresService } from '#server/disputes/dispute-figures.service.js';
import { consistencyTrend } from './consistency.js';
import { ConsistencyRepository } from './consistency.repository.js';

/** Weeks read well up to about a quarter; months beyond. */
const MAX_WEEKS = 14;
/** A consistency trend longer than this many months is refused: a shorter period. */
const MAX_MONTHS = 36;

/** A count of a total with its 95 % Wilson interval. */
function share(count: number, total: number): ConsistencyShare {
  const { rate, low, high } = wilsonInterval(count, total);
  return { total, count, rate, low, high };
}

/** DOMAIN.md 5.4: the supervisor supervises the inspectors' own work, one inspector at a time. */
@Injectable()
export class ConsistencyService {
  constructor(
    private readonly consistency: ConsistencyRepository,
    private readonly scope: ScopeService,
    private readonly disputes: DisputeFiguresService,
    private readonly calibration: CalibrationService,
  ) {}

  async inspector(user: AuthUser, q: { project: string; inspector: string; from: string; to: string }): Promise<InspectorConsistency> {
    if (q.from > q.to) throw invalid('from', 'must not be after to');
    const projectIds = await this.scope.projectsOrAll(user, q.project, ALL_PROJECTS);
    const inspector = await this.consistency.user(q.inspector);
    // Whoever scored counts (an admin may score too); a user who scored nothing gets empty figures.
    if (!inspector) throw invalid('inspector', `${q.inspector} is not a user`);
    const bucket = bucketCount('week', q.from, q.to) <= MAX_WEEKS ? 'week' : 'month';
    if (bucket === 'month' && bucketCount('month', q.from, q.to) > MAX_MONTHS) throw invalid('to', `at most ${MAX_MONTHS} months: a shorter period`);
    const buckets = bucketsOf(bucket, q.from, q.to);
    const f = { projectIds, from: q.from, to: q.to, inspectorId: inspector.id, bucketStarts: buckets.map((b) => b.from) };
    const [strata, amendments, rules, disputed, calibration] = await Promise.all([
      this.consistency.strata(f),
      this.consistency.amendments(f),
      this.consistency.machineAgreement(f),
      this.disputes.upheldByInspector(projectIds, q.from, q.to, 'call'),
      this.calibration.agreementOf(inspector.id, { projectIds, from: q.from, to: q.to }),
    ]);
    const { totals, trend } = consistencyTrend(buckets, strata, amendments);
    // Issue 15: the items team leads disputed on this inspector's evaluations of the period's calls, and those upheld.
    const mine = disputed.find((d) => d.inspectorId === inspector.id) ?? { disputedItems: 0, upheldItems: 0 };
    return {
      inspector: inspector.username,
      name: inspector.displayName,
      bucket,
      totals: {
        ...totals,
        disputes: { disputedItems: mine.disputedItems, upheldItems: mine.upheldItems, upheldRate: mine.disputedItems ? mine.upheldItems / mine.disputedItems : null },
        // Issue 15: his verdicts in the revealed calibration sessions of the period against each session's reference.
        calibration: { sessions: calibration.sessions, ...share(calibration.agreed, calibration.items) },
      },
      trend,
      rules: rules.map((r) => {
        const { rate, low, high } = wilsonInterval(r.agreed, r.evaluated);
        return {
          code: r.code,
          evaluated: r.evaluated,
          agreed: r.agreed,
          rate,
          low,
          high,
          blind: share(r.blindAgreed, r.blindEvaluated),
          overturned: share(r.suggestedOverturned, r.suggestedEvaluated),
        };
      }),
    };
  }
}

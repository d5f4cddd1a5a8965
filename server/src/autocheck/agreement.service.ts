import { Injectable } from '@nestjs/common';
import type { RuleAgreementReport } from '#shared/api/autocheck.js';
import { ALL_PROJECTS } from '#shared/api/reports.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { invalid } from '#server/common/domain-error.js';
import { AutoCheckRepository } from './auto-check.repository.js';
import { toRuleAgreement } from './autocheck.mapper.js';

/** How far inspectors trust each automatic rule: their final verdicts against the machine's suggestion. */
@Injectable()
export class AgreementService {
  constructor(
    private readonly autoChecks: AutoCheckRepository,
    private readonly scope: ScopeService,
  ) {}

  /** Over the caller's teams; one project's (or, with `ALL`, every project's in scope) when asked. */
  async byRule(user: AuthUser, q: { from?: string; to?: string; project?: string }): Promise<RuleAgreementReport> {
    const { from, to } = q;
    if (from && to && from > to) throw invalid('from', 'must not be after to');
    const projectIds = q.project === undefined ? null : await this.scope.projectsOrAll(user, q.project, ALL_PROJECTS);
    const rows = await this.autoChecks.agreementByRule({ teamIds: this.scope.visibleTeamIds(user), projectIds, from, to });
    return { items: rows.map(toRuleAgreement) };
  }
}

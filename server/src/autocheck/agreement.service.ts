import { Injectable } from '@nestjs/common';
import type { RuleAgreementReport } from '#shared/api/autocheck.js';
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

  async byRule(user: AuthUser, from?: string, to?: string): Promise<RuleAgreementReport> {
    if (from && to && from > to) throw invalid('from', 'must not be after to');
    const rows = await this.autoChecks.agreementByRule({ teamIds: this.scope.visibleTeamIds(user), from, to });
    return { items: rows.map(toRuleAgreement) };
  }
}

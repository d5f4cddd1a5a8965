import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RuleAgreement, RuleAgreementReport } from '#shared/api/autocheck';
import { api } from '#web/lib/api-client';

export type { RuleAgreement };

export interface RuleAgreementQuery {
  project: string;
  from: string;
  to: string;
}

export const ruleAgreementKeys = {
  all: ['reports', 'rule-agreement'] as const,
  of: (q: RuleAgreementQuery) => [...ruleAgreementKeys.all, q.project, q.from, q.to] as const,
};

/** `GET /api/autocheck/agreement`: per rule, blind agreement, precision and recall, and the overturn rate of suggestions. */
export const getRuleAgreement = (q: RuleAgreementQuery, signal?: AbortSignal) => api.get<RuleAgreementReport>('/autocheck/agreement', { ...q }, signal);

export const ruleAgreementQueryOptions = (q: RuleAgreementQuery) =>
  queryOptions({
    queryKey: ruleAgreementKeys.of(q),
    queryFn: ({ signal }) => getRuleAgreement(q, signal),
  });

export const useRuleAgreement = (q: RuleAgreementQuery | undefined) => useQuery({ ...ruleAgreementQueryOptions(q ?? { project: '', from: '', to: '' }), enabled: !!q });

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RuleAgreement, RuleAgreementReport } from '#shared/api/autocheck';
import { api } from '#web/lib/api-client';

export type { RuleAgreement };

export interface AgreementRange {
  from: string;
  to: string;
}

export const getAgreement = (range: AgreementRange, signal?: AbortSignal) => api.get<RuleAgreementReport>('/autocheck/agreement', { ...range }, signal);

export const agreementQueryOptions = (range: AgreementRange) =>
  queryOptions({
    queryKey: ['autocheck-agreement', range],
    queryFn: ({ signal }) => getAgreement(range, signal),
  });

export const useAgreement = (range: AgreementRange) => useQuery(agreementQueryOptions(range));

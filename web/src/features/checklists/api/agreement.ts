import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Per rule, how often inspectors kept the machine's verdict (`GET /api/autocheck/agreement`). */
export interface RuleAgreement {
  code: string;
  evaluated: number;
  agreed: number;
  overridden: number;
  /** 0…1, null when nothing was evaluated. */
  agreement: number | null;
}

export interface AgreementRange {
  from: string;
  to: string;
}

export const getAgreement = (range: AgreementRange, signal?: AbortSignal) => api.get<{ items: RuleAgreement[] }>('/autocheck/agreement', { ...range }, signal);

export const agreementQueryOptions = (range: AgreementRange) =>
  queryOptions({
    queryKey: ['autocheck-agreement', range],
    queryFn: ({ signal }) => getAgreement(range, signal),
  });

export const useAgreement = (range: AgreementRange) => useQuery(agreementQueryOptions(range));

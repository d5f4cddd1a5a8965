import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RuleResult } from '../../../../../shared/src/rules/types';
import { api } from '../../../lib/api-client';

/** `GET /api/recordings/:id/auto-checks`: the machine's verdicts under the active checklist. */
export interface AutoChecks {
  checklistVersion: number;
  results: RuleResult[];
}

export const getAutoChecks = (id: string, signal?: AbortSignal) => api.get<AutoChecks>(`/recordings/${encodeURIComponent(id)}/auto-checks`, undefined, signal);

export const autoChecksQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['recordings', id, 'auto-checks'],
    queryFn: ({ signal }) => getAutoChecks(id, signal),
  });

export const useAutoChecks = (id: string) => useQuery(autoChecksQueryOptions(id));

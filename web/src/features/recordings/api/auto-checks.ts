import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AutoChecks } from '../../../../../shared/src/api/autocheck';
import { api } from '../../../lib/api-client';

export const getAutoChecks = (id: string, signal?: AbortSignal) => api.get<AutoChecks>(`/recordings/${encodeURIComponent(id)}/auto-checks`, undefined, signal);

export const autoChecksQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['recordings', id, 'auto-checks'],
    queryFn: ({ signal }) => getAutoChecks(id, signal),
  });

export const useAutoChecks = (id: string) => useQuery(autoChecksQueryOptions(id));

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AutoChecks } from '../../../../../shared/src/api/autocheck';
import type { RecordingDetail } from '../../../../../shared/src/api/recordings';
import { api } from '../../../lib/api-client';

export type { AutoChecks, RecordingDetail };

/** `GET /api/recordings/:id`: the call the workspace shows. */
export const getCall = (id: string, signal?: AbortSignal) => api.get<RecordingDetail>(`/recordings/${encodeURIComponent(id)}`, undefined, signal);

export const callQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['workspace', id, 'call'],
    queryFn: ({ signal }) => getCall(id, signal),
    staleTime: 5 * 60_000,
  });

export const useCall = (id: string) => useQuery(callQueryOptions(id));

/** `GET /api/recordings/:id/auto-checks`: the machine's verdicts and their evidence. */
export const getAutoChecks = (id: string, signal?: AbortSignal) => api.get<AutoChecks>(`/recordings/${encodeURIComponent(id)}/auto-checks`, undefined, signal);

export const autoChecksQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['workspace', id, 'auto-checks'],
    queryFn: ({ signal }) => getAutoChecks(id, signal),
    staleTime: 5 * 60_000,
  });

export const useAutoChecks = (id: string) => useQuery(autoChecksQueryOptions(id));

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AutocheckRun } from '#shared/api/autocheck';
import { api, type Page } from '#web/lib/api-client';

export const POLL_MS = 2000;

export const getAutocheckRuns = (signal?: AbortSignal) => api.get<Page<AutocheckRun>>('/autocheck/runs', undefined, signal);

/** Polls every 2 s while a run is going, and stops once none is. */
export const autocheckRunsQueryOptions = () =>
  queryOptions({
    queryKey: ['autocheck-runs'],
    queryFn: ({ signal }) => getAutocheckRuns(signal),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.items.some((run) => run.status === 'running') ? POLL_MS : false),
  });

export const useAutocheckRuns = () => useQuery(autocheckRunsQueryOptions());

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';

/** A background re-check of past calls (`GET /api/autocheck/runs`, admin and supervisor only). */
export interface AutocheckRun {
  id: string;
  checklistVersion: number;
  /** `publish` or `startup` */
  reason: string;
  total: number;
  done: number;
  /** `running`, `done`, `superseded`… */
  status: string;
  startedAt: string;
  finishedAt: string | null;
}

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

import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { ChecklistVersion } from '#shared/api/checklists';
import { api } from '#web/lib/api-client';
import { DEFAULT_STALE_TIME } from '#web/lib/react-query';

export type { ChecklistVersion };

/**
 * Every cached answer about checklists sits under `checklistKeys.all`: a new draft, a save, a publish
 * or a deletion invalidates it (the active version, the list of versions, each version).
 */
export const checklistKeys = {
  all: ['checklists'] as const,
  active: () => [...checklistKeys.all, 'active'] as const,
  list: () => [...checklistKeys.all, 'list'] as const,
  version: (id: string) => [...checklistKeys.all, 'version', id] as const,
};

/** `GET /api/checklists/active`: the version new evaluations use, and whose rules the machine checks calls by. */
export const getActiveChecklist = (signal?: AbortSignal) => api.get<ChecklistVersion>('/checklists/active', undefined, signal);

export const activeChecklistQueryOptions = () =>
  queryOptions({
    queryKey: checklistKeys.active(),
    queryFn: ({ signal }) => getActiveChecklist(signal),
  });

/** The active version, or a part of it picked by `select` (the titles by code, say): one request and one cache entry either way. */
export function useActiveChecklist(): UseQueryResult<ChecklistVersion>;
export function useActiveChecklist<T>(select: (checklist: ChecklistVersion) => T): UseQueryResult<T>;
export function useActiveChecklist<T>(select?: (checklist: ChecklistVersion) => T): UseQueryResult<T | ChecklistVersion> {
  return useQuery({ ...activeChecklistQueryOptions(), select });
}

/** `GET /api/checklists/:id`: one version (a draft, or the published version an evaluation was made against). */
export const getChecklistVersion = (id: string, signal?: AbortSignal) => api.get<ChecklistVersion>(`/checklists/${encodeURIComponent(id)}`, undefined, signal);

export const checklistVersionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: checklistKeys.version(id),
    queryFn: ({ signal }) => getChecklistVersion(id, signal),
    // A published version never changes; a draft does while it is edited.
    staleTime: (query) => (query.state.data?.status === 'published' ? Infinity : DEFAULT_STALE_TIME),
  });

export const useChecklistVersion = (id: string | undefined) => useQuery({ ...checklistVersionQueryOptions(id ?? ''), enabled: !!id });

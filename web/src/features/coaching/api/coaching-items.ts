import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoachingItem, CoachingItemDetail, CoachingStatus } from '#shared/api/coaching';
import { COACHING_POLL_MS, coachingKeys } from '#web/api/coaching';
import { api, type Page } from '#web/lib/api-client';

export type { CoachingItem, CoachingItemDetail, CoachingStatus };

export interface CoachingFilters {
  status?: CoachingStatus;
  /** Team code. */
  team?: string;
  page: number;
  pageSize: number;
}

export const getCoachingItems = (filters: CoachingFilters, signal?: AbortSignal) => api.get<Page<CoachingItem>>('/coaching-items', { ...filters }, signal);

/** The list, asked again every 15 s so that a new item appears without reloading. */
export const coachingItemsQueryOptions = (filters: CoachingFilters) =>
  queryOptions({
    queryKey: coachingKeys.list(filters),
    queryFn: ({ signal }) => getCoachingItems(filters, signal),
    placeholderData: keepPreviousData,
    refetchInterval: COACHING_POLL_MS,
  });

export const useCoachingItems = (filters: CoachingFilters) => useQuery(coachingItemsQueryOptions(filters));

export const coachingItemQueryOptions = (id: string) =>
  queryOptions({
    queryKey: coachingKeys.detail(id),
    queryFn: ({ signal }) => api.get<CoachingItemDetail>(`/coaching-items/${encodeURIComponent(id)}`, undefined, signal),
  });

export const useCoachingItem = (id: string) => useQuery(coachingItemQueryOptions(id));

export interface SessionInput {
  date: string;
  said: string;
  commitment: string;
  relistenRecordingId?: string;
  revision?: number;
}

/** The lead's one-to-one; every cached coaching answer is asked again after it. */
export function useRecordSession(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionInput) => api.post<CoachingItemDetail>(`/coaching-items/${encodeURIComponent(id)}/sessions`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: coachingKeys.all }),
  });
}

/** The agent has seen and acknowledged the result. */
export function useAcknowledge(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (revision?: number) => api.post<CoachingItemDetail>(`/coaching-items/${encodeURIComponent(id)}/acknowledge`, { revision }),
    onSuccess: () => client.invalidateQueries({ queryKey: coachingKeys.all }),
  });
}

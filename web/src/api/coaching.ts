import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CoachingItem } from '#shared/api/coaching';
import { api, type Page } from '#web/lib/api-client';

/** How often the open coaching items are asked for again: a new one shows within this without reloading. */
export const COACHING_POLL_MS = 15_000;

/**
 * Every cached answer about coaching items sits under `coachingKeys.all`: recording a one-to-one or an
 * acknowledgement invalidates that one key (the menu badge included).
 */
export const coachingKeys = {
  all: ['coaching-items'] as const,
  list: (filters: object) => [...coachingKeys.all, 'list', filters] as const,
  detail: (id: string) => [...coachingKeys.all, 'detail', id] as const,
  openCount: () => [...coachingKeys.all, 'open-count'] as const,
};

export const openCoachingCountQueryOptions = () =>
  queryOptions({
    queryKey: coachingKeys.openCount(),
    queryFn: ({ signal }) => api.get<Page<CoachingItem>>('/coaching-items', { status: 'open', pageSize: 1 }, signal),
    select: (page) => page.total,
    refetchInterval: COACHING_POLL_MS,
  });

/** The caller's open coaching items, counted for the menu's badge, asked again every 15 s. */
export const useOpenCoachingCount = (enabled: boolean) => useQuery({ ...openCoachingCountQueryOptions(), enabled });

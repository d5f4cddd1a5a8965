import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Assignment, AssignmentQueue, NextAssignment } from '#shared/api/sampling';
import { api } from '#web/lib/api-client';

/** The caller's own calls to listen to: a day's, or without a date everything still open plus the last week's. */
export const getQueue = (date?: string, signal?: AbortSignal) => api.get<AssignmentQueue>('/sampling/queue', { date }, signal);

export const queueQueryOptions = (date?: string) =>
  queryOptions({
    queryKey: ['sampling', 'queue', { date: date ?? null }],
    queryFn: ({ signal }) => getQueue(date, signal),
    // Scoring happens on another page: coming back shows the new progress.
    staleTime: 0,
  });

export const useQueue = (date?: string) => useQuery(queueQueryOptions(date));

/** The first call of the queue not scored yet, or null when everything is done. */
export const getNextCall = () => api.get<NextAssignment>('/sampling/queue/next');

export const useNextCall = () => useMutation({ mutationFn: getNextCall });

export interface SpotCheckInput {
  /** Team code: the team lead's own team. */
  team: string;
  date: string;
  count: number;
}

/** A team lead draws a few unassigned calls of his team for himself. */
export const createSpotCheck = (input: SpotCheckInput) => api.post<Assignment[]>('/sampling/spot-checks', input);

export function useCreateSpotCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSpotCheck,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['sampling'] }),
  });
}

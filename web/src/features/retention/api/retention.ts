import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RetentionPolicy, RetentionRun } from '#shared/api/retention';
import { api, type Page } from '#web/lib/api-client';

export type { RetentionPolicy, RetentionRun };

export const retentionKeys = {
  all: ['retention'] as const,
  policies: () => [...retentionKeys.all, 'policies'] as const,
};

/** `GET /api/retention-policies`: each of the caller's projects with its policy (null days: kept for ever). */
export const retentionPoliciesQueryOptions = () =>
  queryOptions({
    queryKey: retentionKeys.policies(),
    queryFn: ({ signal }) => api.get<Page<RetentionPolicy>>('/retention-policies', undefined, signal),
  });

export const useRetentionPolicies = () => useQuery(retentionPoliciesQueryOptions());

export interface RetentionPolicyInput {
  projectId: string;
  audioDays: number | null;
  evaluatedAudioDays: number | null;
}

/** `PUT /api/retention-policies/:projectId`: the whole policy. */
export function useSetRetentionPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, ...policy }: RetentionPolicyInput) => api.put<RetentionPolicy>(`/retention-policies/${encodeURIComponent(projectId)}`, policy),
    onSuccess: () => client.invalidateQueries({ queryKey: retentionKeys.all }),
  });
}

/** `POST /api/retention-runs`: every project's policy applied now (an admin's). */
export function useRunRetention() {
  return useMutation({ mutationFn: () => api.post<RetentionRun>('/retention-runs') });
}

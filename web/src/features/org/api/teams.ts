import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Team } from '../../../../../shared/src/api/org';
import { api, type Page } from '../../../lib/api-client';

export type { Team };

export interface CreateTeamInput {
  code: string;
  name: string;
  /** The project's code. */
  project: string;
}

export interface UpdateTeamInput {
  name?: string;
  active?: boolean;
}

export const getTeams = (project?: string, signal?: AbortSignal) => api.get<Page<Team>>('/teams', { project }, signal);

export const teamsQueryOptions = (project?: string) =>
  queryOptions({
    queryKey: ['teams', { project: project ?? null }],
    queryFn: ({ signal }) => getTeams(project, signal),
  });

export const useTeams = (project?: string) => useQuery(teamsQueryOptions(project));

export const createTeam = (input: CreateTeamInput) => api.post<Team>('/teams', input);

export const updateTeam = ({ id, ...patch }: UpdateTeamInput & { id: string }) => api.patch<Team>(`/teams/${id}`, patch);

/** Agents show their team's name: refresh them with the teams. */
function useInvalidateTeams() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => ['teams', 'agents'].includes(String(q.queryKey[0])) });
}

export function useCreateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: createTeam, onSuccess: invalidate });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: updateTeam, onSuccess: invalidate });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { agentKeys } from '#web/api/agents';
import { type Team, teamKeys } from '#web/api/teams';
import { api } from '#web/lib/api-client';

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

export const createTeam = (input: CreateTeamInput) => api.post<Team>('/teams', input);

export const updateTeam = ({ id, ...patch }: UpdateTeamInput & { id: string }) => api.patch<Team>(`/teams/${id}`, patch);

/** Agents show their team's name: refresh them with the teams. */
function useInvalidateTeams() {
  const queryClient = useQueryClient();
  return () => Promise.all([teamKeys.all, agentKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: createTeam, onSuccess: invalidate });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({ mutationFn: updateTeam, onSuccess: invalidate });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { agentKeys } from '#web/api/agents';
import { type Project, projectKeys } from '#web/api/projects';
import { teamKeys } from '#web/api/teams';
import { api } from '#web/lib/api-client';

export type { Project };

export interface CreateProjectInput {
  code: string;
  name: string;
}

export interface UpdateProjectInput {
  name?: string;
  active?: boolean;
}

export const createProject = (input: CreateProjectInput) => api.post<Project>('/projects', input);

export const updateProject = ({ id, ...patch }: UpdateProjectInput & { id: string }) => api.patch<Project>(`/projects/${id}`, patch);

/** Teams, agents and users show project codes and names: refresh them with the projects. */
function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return () => Promise.all([projectKeys.all, teamKeys.all, agentKeys.all].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateProject() {
  const invalidate = useInvalidateOrg();
  return useMutation({ mutationFn: createProject, onSuccess: invalidate });
}

export function useUpdateProject() {
  const invalidate = useInvalidateOrg();
  return useMutation({ mutationFn: updateProject, onSuccess: invalidate });
}

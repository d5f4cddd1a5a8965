import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Project } from '../../../../../shared/src/api/org';
import { api, type Page } from '../../../lib/api-client';

export type { Project };

export interface CreateProjectInput {
  code: string;
  name: string;
}

export interface UpdateProjectInput {
  name?: string;
  active?: boolean;
}

export const getProjects = (signal?: AbortSignal) => api.get<Page<Project>>('/projects', undefined, signal);

export const projectsQueryOptions = () =>
  queryOptions({
    queryKey: ['projects'],
    queryFn: ({ signal }) => getProjects(signal),
  });

export const useProjects = () => useQuery(projectsQueryOptions());

export const createProject = (input: CreateProjectInput) => api.post<Project>('/projects', input);

export const updateProject = ({ id, ...patch }: UpdateProjectInput & { id: string }) => api.patch<Project>(`/projects/${id}`, patch);

/** Teams, agents and users show project codes and names: refresh them with the projects. */
function useInvalidateOrg() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (q) => ['projects', 'teams', 'agents'].includes(String(q.queryKey[0])) });
}

export function useCreateProject() {
  const invalidate = useInvalidateOrg();
  return useMutation({ mutationFn: createProject, onSuccess: invalidate });
}

export function useUpdateProject() {
  const invalidate = useInvalidateOrg();
  return useMutation({ mutationFn: updateProject, onSuccess: invalidate });
}

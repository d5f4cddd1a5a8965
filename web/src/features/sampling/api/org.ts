import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';

/** The parts of projects, teams and users the sampling pages need (the server scopes each list to the caller). */
export interface ProjectOption {
  code: string;
  name: string;
  active: boolean;
}

export interface TeamOption {
  code: string;
  name: string;
  project: string;
  active: boolean;
}

export const getProjectOptions = (signal?: AbortSignal) => api.get<Page<ProjectOption>>('/projects', undefined, signal);

export const projectOptionsQueryOptions = () =>
  queryOptions({ queryKey: ['sampling', 'projects'], queryFn: ({ signal }) => getProjectOptions(signal), staleTime: 5 * 60_000 });

export const useProjectOptions = () => useQuery(projectOptionsQueryOptions());

export const getTeamOptions = (signal?: AbortSignal) => api.get<Page<TeamOption>>('/teams', undefined, signal);

export const teamOptionsQueryOptions = () =>
  queryOptions({ queryKey: ['sampling', 'teams'], queryFn: ({ signal }) => getTeamOptions(signal), staleTime: 5 * 60_000 });

export const useTeamOptions = () => useQuery(teamOptionsQueryOptions());

export interface InspectorOption {
  username: string;
  displayName: string;
}

/** Active inspectors bound to the project or one of its teams (`GET /api/sampling/inspectors/:project`). */
export const getInspectors = (project: string, signal?: AbortSignal) =>
  api.get<{ items: InspectorOption[] }>(`/sampling/inspectors/${encodeURIComponent(project)}`, undefined, signal).then((r) => r.items);

export const inspectorsQueryOptions = (project: string) =>
  queryOptions({
    queryKey: ['sampling', 'inspectors', project],
    queryFn: ({ signal }) => getInspectors(project, signal),
    staleTime: 60_000,
  });

export const useInspectors = (project: string | undefined, enabled: boolean) => useQuery({ ...inspectorsQueryOptions(project ?? ''), enabled: enabled && !!project });

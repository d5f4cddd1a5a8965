import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';

/** Projects and teams the user may see, for the list's filters. */
export interface ProjectOption {
  code: string;
  name: string;
  active: boolean;
}

export interface TeamOption {
  code: string;
  name: string;
  /** The project's code. */
  project: string;
  active: boolean;
}

export const getProjectOptions = (signal?: AbortSignal) => api.get<Page<ProjectOption>>('/projects', undefined, signal);

export const projectOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['recordings', 'filter-options', 'projects'],
    queryFn: ({ signal }) => getProjectOptions(signal),
    staleTime: 5 * 60_000,
  });

export const useProjectOptions = () => useQuery(projectOptionsQueryOptions());

export const getTeamOptions = (signal?: AbortSignal) => api.get<Page<TeamOption>>('/teams', undefined, signal);

export const teamOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['recordings', 'filter-options', 'teams'],
    queryFn: ({ signal }) => getTeamOptions(signal),
    staleTime: 5 * 60_000,
  });

export const useTeamOptions = () => useQuery(teamOptionsQueryOptions());

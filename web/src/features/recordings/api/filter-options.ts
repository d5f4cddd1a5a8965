import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Project, Team } from '../../../../../shared/src/api/org';
import { api, type Page } from '../../../lib/api-client';

/** The part of a team the list's labels need: its name by its code. */
export type TeamOption = Pick<Team, 'code' | 'name' | 'project' | 'active'>;

/** Projects and teams the user may see, for the list's filters. */
export const getProjectOptions = (signal?: AbortSignal) => api.get<Page<Project>>('/projects', undefined, signal);

export const projectOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['recordings', 'filter-options', 'projects'],
    queryFn: ({ signal }) => getProjectOptions(signal),
    staleTime: 5 * 60_000,
  });

export const useProjectOptions = () => useQuery(projectOptionsQueryOptions());

export const getTeamOptions = (signal?: AbortSignal) => api.get<Page<Team>>('/teams', undefined, signal);

export const teamOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['recordings', 'filter-options', 'teams'],
    queryFn: ({ signal }) => getTeamOptions(signal),
    staleTime: 5 * 60_000,
  });

export const useTeamOptions = () => useQuery(teamOptionsQueryOptions());

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Team } from '#shared/api/org';
import { api, type Page } from '#web/lib/api-client';

export type { Team };

/**
 * Every cached answer about teams sits under `teamKeys.all`: a change to a team (or to what a team
 * shows: its project's name, its leads) invalidates that one key.
 */
export const teamKeys = {
  all: ['teams'] as const,
  list: (project?: string) => [...teamKeys.all, 'list', { project: project ?? null }] as const,
};

/** `GET /api/teams`, optionally within one project; the server scopes the list to the caller. */
export const getTeams = (project?: string, signal?: AbortSignal) => api.get<Page<Team>>('/teams', { project }, signal);

export const teamsQueryOptions = (project?: string) =>
  queryOptions({
    queryKey: teamKeys.list(project),
    queryFn: ({ signal }) => getTeams(project, signal),
  });

/** Teams for pickers, filters and labels (名称 by code) as well as the teams page itself. */
export const useTeams = (project?: string) => useQuery(teamsQueryOptions(project));

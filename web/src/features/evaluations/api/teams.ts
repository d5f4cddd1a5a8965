import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';

/** The part of `GET /api/teams` the filter needs (the server scopes it to the caller). */
export interface TeamOption {
  code: string;
  name: string;
  project: string;
}

export const getTeamOptions = (signal?: AbortSignal) => api.get<Page<TeamOption>>('/teams', undefined, signal);

export const teamOptionsQueryOptions = () => queryOptions({ queryKey: ['evaluations', 'teams'], queryFn: ({ signal }) => getTeamOptions(signal), staleTime: 5 * 60_000 });

export const useTeamOptions = () => useQuery(teamOptionsQueryOptions());

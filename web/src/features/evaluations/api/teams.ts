import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Team } from '../../../../../shared/src/api/org';
import { api, type Page } from '../../../lib/api-client';

/** `GET /api/teams` for the filter (the server scopes it to the caller). */
export const getTeamOptions = (signal?: AbortSignal) => api.get<Page<Team>>('/teams', undefined, signal);

export const teamOptionsQueryOptions = () => queryOptions({ queryKey: ['evaluations', 'teams'], queryFn: ({ signal }) => getTeamOptions(signal), staleTime: 5 * 60_000 });

export const useTeamOptions = () => useQuery(teamOptionsQueryOptions());

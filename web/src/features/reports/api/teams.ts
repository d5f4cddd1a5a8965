import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TeamFigures, TeamsFigures } from '#shared/api/dashboard';
import { api } from '#web/lib/api-client';

export type { TeamFigures, TeamsFigures };

export interface TeamsQuery {
  project: string;
  from: string;
  to: string;
}

export const teamFigureKeys = {
  all: ['reports', 'teams'] as const,
  teams: (q: TeamsQuery) => [...teamFigureKeys.all, q.project, q.from, q.to] as const,
};

/** `GET /api/reports/teams`: the project's teams in the caller's scope side by side, worst average first. */
export const getTeamFigures = (q: TeamsQuery, signal?: AbortSignal) => api.get<TeamsFigures>('/reports/teams', { project: q.project, from: q.from, to: q.to }, signal);

export const teamFiguresQueryOptions = (q: TeamsQuery) =>
  queryOptions({
    queryKey: teamFigureKeys.teams(q),
    queryFn: ({ signal }) => getTeamFigures(q, signal),
  });

export const useTeamFigures = (q: TeamsQuery | undefined) => useQuery({ ...teamFiguresQueryOptions(q ?? { project: '', from: '', to: '' }), enabled: !!q });

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgentFigures, TeamAgentsFigures } from '#shared/api/dashboard';
import { api } from '#web/lib/api-client';

export type { AgentFigures, TeamAgentsFigures };

export interface TeamAgentsQuery {
  project: string;
  team: string;
  from: string;
  to: string;
}

export const teamAgentKeys = {
  all: ['reports', 'team-agents'] as const,
  agents: (q: TeamAgentsQuery) => [...teamAgentKeys.all, q.project, q.team, q.from, q.to] as const,
};

/** `GET /api/reports/team-agents`: one team's evaluated agents, lowest average first, each with its interval. */
export const getTeamAgents = (q: TeamAgentsQuery, signal?: AbortSignal) =>
  api.get<TeamAgentsFigures>('/reports/team-agents', { project: q.project, team: q.team, from: q.from, to: q.to }, signal);

export const teamAgentsQueryOptions = (q: TeamAgentsQuery) =>
  queryOptions({
    queryKey: teamAgentKeys.agents(q),
    queryFn: ({ signal }) => getTeamAgents(q, signal),
  });

export const useTeamAgents = (q: TeamAgentsQuery | undefined) => useQuery({ ...teamAgentsQueryOptions(q ?? { project: '', team: '', from: '', to: '' }), enabled: !!q });

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Evaluation } from '#shared/api/evaluations';
import { api, type Page } from '#web/lib/api-client';

export type { Evaluation };

export interface AgentEvaluationsQuery {
  /** Employee number. */
  agent: string;
  /** YYYY-MM-DD, the centre's local dates. */
  from: string;
  to: string;
}

/** The most the server gives in one page; a trend of more than that shows the latest ones. */
export const MAX_EVALUATIONS = 500;

export const getAgentEvaluations = (query: AgentEvaluationsQuery, signal?: AbortSignal) =>
  api.get<Page<Evaluation>>('/evaluations', { ...query, page: 1, pageSize: MAX_EVALUATIONS }, signal);

export const agentEvaluationsQueryOptions = (query: AgentEvaluationsQuery) =>
  queryOptions({
    queryKey: ['agent-page', 'evaluations', query],
    queryFn: ({ signal }) => getAgentEvaluations(query, signal),
    placeholderData: keepPreviousData,
  });

/** `enabled` false until the agent is known: an unknown employee number is a 400. */
export const useAgentEvaluations = (query: AgentEvaluationsQuery, enabled = true) => useQuery({ ...agentEvaluationsQueryOptions(query), enabled });

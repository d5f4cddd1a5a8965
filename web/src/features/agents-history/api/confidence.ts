import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** One agent's row of `GET /api/sampling/confidence`: the mean of randomly sampled scores and its 95 % interval. */
export interface AgentConfidence {
  agent: string;
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
  halfWidth: number | null;
  tooWide: boolean;
}

export const getAgentConfidence = async (q: { team: string; agent: string; from: string; to: string }, signal?: AbortSignal) => {
  const res = await api.get<{ maxHalfWidth: number; items: AgentConfidence[] }>('/sampling/confidence', { team: q.team, from: q.from, to: q.to }, signal);
  return { maxHalfWidth: res.maxHalfWidth, row: res.items.find((i) => i.agent === q.agent) ?? null };
};

export const agentConfidenceQueryOptions = (q: { team: string; agent: string; from: string; to: string }) =>
  queryOptions({ queryKey: ['agent-confidence', q], queryFn: ({ signal }) => getAgentConfidence(q, signal) });

export const useAgentConfidence = (q: { team?: string; agent: string; from: string; to: string }) =>
  useQuery({ ...agentConfidenceQueryOptions({ ...q, team: q.team ?? '' }), enabled: !!q.team });

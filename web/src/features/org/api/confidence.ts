import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgentConfidenceReport } from '#shared/api/sampling';
import { api } from '#web/lib/api-client';

export const getAgentConfidence = async (q: { team: string; agent: string; from: string; to: string }, signal?: AbortSignal) => {
  const res = await api.get<AgentConfidenceReport>('/sampling/confidence', { team: q.team, from: q.from, to: q.to }, signal);
  return { maxHalfWidth: res.maxHalfWidth, row: res.items.find((i) => i.agent === q.agent) ?? null };
};

export const agentConfidenceQueryOptions = (q: { team: string; agent: string; from: string; to: string }) =>
  queryOptions({ queryKey: ['agent-confidence', q], queryFn: ({ signal }) => getAgentConfidence(q, signal) });

export const useAgentConfidence = (q: { team?: string; agent: string; from: string; to: string }) =>
  useQuery({ ...agentConfidenceQueryOptions({ ...q, team: q.team ?? '' }), enabled: !!q.team });

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** An agent's mean score over the period from randomly drawn calls only, with its 95 % interval. */
export interface AgentConfidence {
  agent: string;
  agentName: string;
  team: string;
  /** Randomly drawn, scored calls: the ones the interval is computed from. */
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
  halfWidth: number | null;
  /** Every daily evaluation of the period, guided picks included. */
  allDaily: number;
  tooWide: boolean;
}

export interface ConfidenceQuery {
  project: string;
  from: string;
  to: string;
}

export const getConfidence = (q: ConfidenceQuery, signal?: AbortSignal) =>
  api.get<{ maxHalfWidth: number; items: AgentConfidence[] }>('/sampling/confidence', { ...q }, signal);

export const confidenceQueryOptions = (q: ConfidenceQuery) =>
  queryOptions({
    queryKey: ['sampling', 'confidence', q],
    queryFn: ({ signal }) => getConfidence(q, signal),
    placeholderData: keepPreviousData,
  });

export const useConfidence = (q: ConfidenceQuery | null) => useQuery({ ...confidenceQueryOptions(q ?? { project: '', from: '', to: '' }), enabled: !!q });

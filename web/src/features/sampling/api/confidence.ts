import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AgentConfidence, AgentConfidenceReport } from '#shared/api/sampling';
import { api } from '#web/lib/api-client';

export type { AgentConfidence };

export interface ConfidenceQuery {
  project: string;
  from: string;
  to: string;
}

export const getConfidence = (q: ConfidenceQuery, signal?: AbortSignal) => api.get<AgentConfidenceReport>('/sampling/confidence', { ...q }, signal);

export const confidenceQueryOptions = (q: ConfidenceQuery) =>
  queryOptions({
    queryKey: ['sampling', 'confidence', q],
    queryFn: ({ signal }) => getConfidence(q, signal),
    placeholderData: keepPreviousData,
  });

export const useConfidence = (q: ConfidenceQuery | null) => useQuery({ ...confidenceQueryOptions(q ?? { project: '', from: '', to: '' }), enabled: !!q });

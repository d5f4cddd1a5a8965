import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CallDirection, ChannelLayout, TranscriptDocument } from '../../../../../shared/src/recordings';
import type { RuleResult } from '../../../../../shared/src/rules/types';
import { api } from '../../../lib/api-client';

/** `GET /api/recordings/:id`: what the workspace shows of the call. */
export interface CallDetail {
  id: string;
  externalId: string;
  agent: string;
  agentName: string;
  team: string;
  project: string;
  startedAt: string;
  direction: CallDirection;
  customerNumber: string | null;
  businessType: string | null;
  channels: ChannelLayout;
  duration: number;
  transcript: TranscriptDocument | null;
}

export const getCall = (id: string, signal?: AbortSignal) => api.get<CallDetail>(`/recordings/${encodeURIComponent(id)}`, undefined, signal);

export const callQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['workspace', id, 'call'],
    queryFn: ({ signal }) => getCall(id, signal),
    staleTime: 5 * 60_000,
  });

export const useCall = (id: string) => useQuery(callQueryOptions(id));

/** `GET /api/recordings/:id/auto-checks`: the machine's verdicts and their evidence. */
export interface AutoChecks {
  checklistVersion: number;
  results: RuleResult[];
}

export const getAutoChecks = (id: string, signal?: AbortSignal) => api.get<AutoChecks>(`/recordings/${encodeURIComponent(id)}/auto-checks`, undefined, signal);

export const autoChecksQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['workspace', id, 'auto-checks'],
    queryFn: ({ signal }) => getAutoChecks(id, signal),
    staleTime: 5 * 60_000,
  });

export const useAutoChecks = (id: string) => useQuery(autoChecksQueryOptions(id));

import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';
import type { AgentEvaluationsQuery } from './agent-evaluations';

/** The part of a `GET /api/recordings` row this page needs. */
interface RecordingHead {
  id: string;
  startedAt: string;
}

/** The most recordings one request answers. */
const MAX_RECORDINGS = 500;

/**
 * The agent's evaluated calls in the same dates: evaluations filter by the call's local date, and so
 * does `/recordings`, so one request answers when every listed evaluation's call started.
 */
export const getEvaluatedCalls = (query: AgentEvaluationsQuery, signal?: AbortSignal) =>
  api.get<Page<RecordingHead>>('/recordings', { ...query, evaluated: true, page: 1, pageSize: MAX_RECORDINGS }, signal);

const byId = (page: Page<RecordingHead>): ReadonlyMap<string, string> => new Map(page.items.map((r) => [r.id, r.startedAt]));

export const evaluatedCallsQueryOptions = (query: AgentEvaluationsQuery) =>
  queryOptions({
    queryKey: ['agent-page', 'calls', query],
    queryFn: ({ signal }) => getEvaluatedCalls(query, signal),
    select: byId,
  });

/** When each evaluated call started (ISO 8601), by recording id. */
export const useCallTimes = (query: AgentEvaluationsQuery, enabled: boolean) => useQuery({ ...evaluatedCallsQueryOptions(query), enabled });

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AccessLogEntry } from '#shared/api/recordings';
import { api, type Page } from '#web/lib/api-client';

export type { AccessLogEntry };

export interface AccessLogQuery {
  recordingId?: string;
  username?: string;
  page: number;
  pageSize: number;
}

export const getAccessLog = (query: AccessLogQuery, signal?: AbortSignal) => api.get<Page<AccessLogEntry>>('/recordings/access-log', { ...query }, signal);

export const accessLogQueryOptions = (query: AccessLogQuery) =>
  queryOptions({
    queryKey: ['recordings', 'access-log', query],
    queryFn: ({ signal }) => getAccessLog(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useAccessLog = (query: AccessLogQuery) => useQuery(accessLogQueryOptions(query));

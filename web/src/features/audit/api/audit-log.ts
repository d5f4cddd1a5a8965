import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditLogEntry } from '#shared/api/audit';
import { api, type Page } from '#web/lib/api-client';

export type { AuditLogEntry };

export interface AuditLogQuery {
  action?: string;
  page: number;
  pageSize: number;
}

export const getAuditLog = (query: AuditLogQuery, signal?: AbortSignal) => api.get<Page<AuditLogEntry>>('/audit-log', { ...query }, signal);

export const auditLogQueryOptions = (query: AuditLogQuery) =>
  queryOptions({
    queryKey: ['audit-log', query],
    queryFn: ({ signal }) => getAuditLog(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useAuditLog = (query: AuditLogQuery) => useQuery(auditLogQueryOptions(query));

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../lib/api-client';

export interface AuditEntry {
  id: string;
  /** ISO 8601 */
  at: string;
  username: string | null;
  /** e.g. login, login.failed, agent.update */
  action: string;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditLogQuery {
  action?: string;
  page: number;
  pageSize: number;
}

export const getAuditLog = (query: AuditLogQuery, signal?: AbortSignal) => api.get<Page<AuditEntry>>('/audit-log', { ...query }, signal);

export const auditLogQueryOptions = (query: AuditLogQuery) =>
  queryOptions({
    queryKey: ['audit-log', query],
    queryFn: ({ signal }) => getAuditLog(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export const useAuditLog = (query: AuditLogQuery) => useQuery(auditLogQueryOptions(query));

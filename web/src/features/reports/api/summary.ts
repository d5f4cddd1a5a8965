import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReportSummary, SummaryItem, SummaryMachineRule } from '#shared/api/reports';
import { api } from '#web/lib/api-client';

export type { ReportSummary, SummaryItem, SummaryMachineRule };

export interface SummaryQuery {
  project: string;
  from: string;
  to: string;
  team?: string;
}

export const summaryKeys = {
  all: ['reports', 'summary'] as const,
  summary: (q: SummaryQuery) => [...summaryKeys.all, q.project, q.from, q.to, q.team ?? ''] as const,
};

/** `GET /api/reports/summary` (CONTRACT.md "Reports for other systems"): the same figures other systems read. */
export const getSummary = (q: SummaryQuery, signal?: AbortSignal) =>
  api.get<ReportSummary>('/reports/summary', { project: q.project, from: q.from, to: q.to, team: q.team }, signal);

export const summaryQueryOptions = (q: SummaryQuery) =>
  queryOptions({
    queryKey: summaryKeys.summary(q),
    queryFn: ({ signal }) => getSummary(q, signal),
  });

export const useSummary = (q: SummaryQuery | undefined) => useQuery({ ...summaryQueryOptions(q ?? { project: '', from: '', to: '' }), enabled: !!q });

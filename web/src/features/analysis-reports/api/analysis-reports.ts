import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnalysisReport, AnalysisReportKind, AnalysisReportSummary, UnreadReports } from '#shared/api/analysis-reports';
import { currentLanguage } from '#web/i18n';
import { api, errorFromResponse, getToken, networkError, type Page } from '#web/lib/api-client';

export type { AnalysisReport, AnalysisReportKind, AnalysisReportSummary };

export interface ReportFilters {
  kind?: AnalysisReportKind;
  /** Project code. */
  project?: string;
}

/** Every cached report sits under `reportKeys.all`: generating, publishing and opening one ask again. */
export const reportKeys = {
  all: ['analysis-reports'] as const,
  list: (filters: ReportFilters) => [...reportKeys.all, 'list', filters] as const,
  detail: (id: string) => [...reportKeys.all, 'detail', id] as const,
  unread: () => [...reportKeys.all, 'unread'] as const,
};

const reportPath = (id: string) => `/analysis-reports/${encodeURIComponent(id)}`;

export const reportsQueryOptions = (filters: ReportFilters) =>
  queryOptions({
    queryKey: reportKeys.list(filters),
    queryFn: ({ signal }) => api.get<Page<AnalysisReportSummary>>('/analysis-reports', { ...filters, page: 1, pageSize: 200 }, signal),
    placeholderData: keepPreviousData,
  });
export const useReports = (filters: ReportFilters) => useQuery(reportsQueryOptions(filters));

/** Opening a published report marks it read on the server: the list and the unread count are asked again. */
export function useReport(id: string) {
  const client = useQueryClient();
  return useQuery({
    queryKey: reportKeys.detail(id),
    queryFn: async ({ signal }) => {
      const report = await api.get<AnalysisReport>(reportPath(id), undefined, signal);
      if (report.publishedAt) {
        void client.invalidateQueries({ queryKey: reportKeys.unread() });
        void client.invalidateQueries({ queryKey: [...reportKeys.all, 'list'] });
      }
      return report;
    },
  });
}

export const unreadQueryOptions = () =>
  queryOptions({ queryKey: reportKeys.unread(), queryFn: ({ signal }) => api.get<UnreadReports>('/analysis-reports/unread', undefined, signal) });
export const useUnreadReports = (enabled = true) => useQuery({ ...unreadQueryOptions(), enabled });

function useReportMutation<V>(fn: (v: V) => Promise<AnalysisReport>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.all }) });
}

export const useGenerateReport = () =>
  useReportMutation((body: { kind: AnalysisReportKind; project: string; date: string }) => api.post<AnalysisReport>('/analysis-reports', body));
export const usePublishReport = () => useReportMutation((id: string) => api.post<AnalysisReport>(`${reportPath(id)}/publish`));

const filenameOf = (disposition: string | null, fallback: string) => /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1] ?? fallback;

/** The report as a workbook in the reader's language: fetched as a blob (a link cannot carry the bearer token). */
export async function downloadReport(report: AnalysisReportSummary): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(`/api${reportPath(report.id)}/xlsx?lang=${currentLanguage()}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw await errorFromResponse(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res.headers.get('Content-Disposition'), `${report.project}-${report.kind}-${report.from}.xlsx`);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

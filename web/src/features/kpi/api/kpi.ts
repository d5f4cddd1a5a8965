import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GradingRequest, KpiGradeItem, KpiGrades, OperationalImportResult } from '#shared/api/kpi';
import { api, errorFromResponse, getToken, networkError } from '#web/lib/api-client';

export type { KpiGradeItem, KpiGrades };

export interface ReviewQuery {
  /** YYYY-Qn */
  quarter: string;
  /** Project code. */
  project: string;
}

/** Every cached review sits under `kpiKeys.all`, asked again after an upload or a request for calls. */
export const kpiKeys = {
  all: ['kpi'] as const,
  grades: (q: ReviewQuery) => [...kpiKeys.all, 'grades', q] as const,
};

/** `GET /api/kpi/grades` (CONTRACT.md "KPI grading"): the project's agents in the quarter; a team lead gets his teams only. */
export const getGrades = (q: ReviewQuery, signal?: AbortSignal) => api.get<KpiGrades>('/kpi/grades', { ...q }, signal);

export const gradesQueryOptions = (q: ReviewQuery) =>
  queryOptions({ queryKey: kpiKeys.grades(q), queryFn: ({ signal }) => getGrades(q, signal), placeholderData: keepPreviousData });

export const useKpiGrades = (q: ReviewQuery | undefined) => useQuery({ ...gradesQueryOptions(q ?? { quarter: '', project: '' }), enabled: !!q });

/** A sheet of operational figures (CSV or XLSX); a refusal (400) carries every bad line in ApiError.errors. */
export function importOperational(file: File) {
  const body = new FormData();
  body.append('file', file);
  return api.post<OperationalImportResult>('/kpi/operational/import', body);
}

export function useImportOperational() {
  const client = useQueryClient();
  return useMutation({ mutationFn: importOperational, onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }) });
}

/** One more call of the agent in the coming daily sampling runs (reason `grading`). */
export function useRequestCalls() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { agent: string; days?: number }) => api.post<GradingRequest>('/kpi/grading-requests', input),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

const filenameOf = (disposition: string | null, fallback: string) => /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1] ?? fallback;

/** The review as XLSX. A link cannot carry the bearer token, so the file is fetched as a blob; the server logs every export. */
export async function downloadReview(q: ReviewQuery): Promise<void> {
  const params = new URLSearchParams({ ...q, format: 'xlsx' });
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(`/api/kpi/grades?${params}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw await errorFromResponse(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res.headers.get('Content-Disposition'), `kpi-${q.project}-${q.quarter}.xlsx`);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Evaluation } from '#shared/api/evaluations';
import { currentLanguage } from '#web/i18n';
import { api, errorFromResponse, getToken, networkError, type Page } from '#web/lib/api-client';

export type { Evaluation };

export interface EvaluationFilters {
  /** YYYY-MM-DD, the centre's local dates. */
  from: string;
  to: string;
  /** Project code (from a dashboard's figure). */
  project?: string;
  team?: string;
  /** Employee number. */
  agent?: string;
  /** Only those that failed this checklist item. */
  code?: string;
  /** `draft`: the caller's own drafts left open instead of the submitted evaluations. */
  status?: 'draft';
  /** An inspector's username (`me`: the caller's own). */
  inspector?: string;
  /** `true`: only fatal ones; `false`: only the others. */
  fatal?: Flag;
  /** `false`: calibration evaluations left out, as the reports count; `true`: only those. */
  calibration?: Flag;
  /** `true`: only those a supervisor amended. */
  amended?: Flag;
  page: number;
  pageSize: number;
}

export type ExportFormat = 'csv' | 'xlsx';

export type Flag = 'true' | 'false';

export const getEvaluations = (filters: EvaluationFilters, signal?: AbortSignal) => api.get<Page<Evaluation>>('/evaluations', { ...filters }, signal);

export const evaluationsQueryOptions = (filters: EvaluationFilters) =>
  queryOptions({
    queryKey: ['evaluations', 'list', filters],
    queryFn: ({ signal }) => getEvaluations(filters, signal),
    placeholderData: keepPreviousData,
  });

export const useEvaluations = (filters: EvaluationFilters) => useQuery(evaluationsQueryOptions(filters));

const filenameOf = (disposition: string | null, fallback: string) => /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1] ?? fallback;

/**
 * The same rows as a CSV or XLSX file (`&format=`). A link cannot carry the bearer token, so the file
 * is fetched as a blob and handed to the browser as a download. The server logs every export.
 */
export async function downloadEvaluations({ page: _page, pageSize: _size, ...filters }: EvaluationFilters, format: ExportFormat): Promise<void> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, format, lang: currentLanguage() })) if (value) params.set(key, String(value));
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(`/api/evaluations?${params}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw await errorFromResponse(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res.headers.get('Content-Disposition'), `evaluations-${filters.from}-${filters.to}.${format}`);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

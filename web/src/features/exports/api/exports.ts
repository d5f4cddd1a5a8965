import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportRequest, ExportStatus } from '#shared/api/exports';
import { api, errorFromResponse, getToken, networkError, type Page } from '#web/lib/api-client';
import { currentLanguage } from '#web/i18n';

export type { ExportRequest, ExportStatus };

export interface NewExportRequest {
  kind: 'evaluations';
  format: 'csv' | 'xlsx';
  from?: string;
  to?: string;
  team?: string;
  purpose?: string;
}

const exportKeys = { all: ['export-requests'] as const, list: (status?: ExportStatus) => ['export-requests', status ?? 'all'] as const };

export const getExportRequests = (status: ExportStatus | undefined, signal?: AbortSignal) =>
  api.get<Page<ExportRequest>>('/exports', { status, page: 1, pageSize: 100 }, signal);

export const exportRequestsQueryOptions = (status?: ExportStatus) =>
  queryOptions({ queryKey: exportKeys.list(status), queryFn: ({ signal }) => getExportRequests(status, signal), staleTime: 0 });

export const useExportRequests = (status?: ExportStatus, enabled = true) => useQuery({ ...exportRequestsQueryOptions(status), enabled });

function useExportMutation<V>(fn: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: exportKeys.all }) });
}

export const useRequestExport = () => useExportMutation((body: NewExportRequest) => api.post<ExportRequest>('/exports', body));
export const useApproveExport = () => useExportMutation((id: string) => api.post<ExportRequest>(`/exports/${id}/approve`));
export const useRefuseExport = () => useExportMutation(({ id, reason }: { id: string; reason: string }) => api.post<ExportRequest>(`/exports/${id}/refuse`, { reason }));

const filenameOf = (disposition: string | null, fallback: string) => /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1] ?? fallback;

/** The approved file, once: fetched as a blob (a link cannot carry the bearer token) and handed to the browser. */
export async function downloadExport(request: ExportRequest): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(`/api/exports/${request.id}/download?lang=${currentLanguage()}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch (e) {
    throw networkError(e);
  }
  if (!res.ok) throw await errorFromResponse(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res.headers.get('Content-Disposition'), `evaluations.${request.format}`);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

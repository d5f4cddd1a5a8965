import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GradeTable, GradeTableList, KpiPartWeight, KpiScheme, KpiSchemeList } from '#shared/api/kpi';
import type { GradeThreshold } from '#shared/kpi/grades';
import { api } from '#web/lib/api-client';
import { kpiKeys } from './kpi';

export type { GradeTable, KpiPartWeight, KpiScheme };

/** Under `kpiKeys.all`, so a published scheme or a new grade table asks the review again too. */
export const schemeKeys = {
  list: (project: string) => [...kpiKeys.all, 'schemes', project] as const,
  gradeTables: [...kpiKeys.all, 'grade-tables'] as const,
};

export interface SchemeInput {
  fromQuarter: string;
  qaWeight: number;
  parts: KpiPartWeight[];
  note?: string;
}

/** `GET /api/kpi/schemes?project=CODE`: the project's KPI scheme versions, newest first. */
export const useSchemes = (project: string | undefined) =>
  useQuery({
    queryKey: schemeKeys.list(project ?? ''),
    queryFn: ({ signal }) => api.get<KpiSchemeList>('/kpi/schemes', { project: project! }, signal),
    enabled: !!project,
  });

function useKpiMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }) });
}

export const useCreateScheme = () => useKpiMutation((input: SchemeInput & { project: string }) => api.post<KpiScheme>('/kpi/schemes', input));
export const useUpdateScheme = () =>
  useKpiMutation(({ id, ...input }: SchemeInput & { id: string }) => api.put<KpiScheme>(`/kpi/schemes/${encodeURIComponent(id)}`, input));
export const usePublishScheme = () => useKpiMutation((id: string) => api.post<KpiScheme>(`/kpi/schemes/${encodeURIComponent(id)}/publish`));
export const useDeleteScheme = () => useKpiMutation((id: string) => api.delete<void>(`/kpi/schemes/${encodeURIComponent(id)}`));

/** `GET /api/kpi/grade-tables`: every version, newest first, the seed's (version 0) last. */
export const useGradeTables = () =>
  useQuery({ queryKey: schemeKeys.gradeTables, queryFn: ({ signal }) => api.get<GradeTableList>('/kpi/grade-tables', undefined, signal) });

/** `POST /api/kpi/grade-tables`: the table a coming quarter (and the ones after it) is reviewed against. */
export const useSetGradeTable = () => useKpiMutation((input: { fromQuarter: string; grades: GradeThreshold[] }) => api.post<GradeTable>('/kpi/grade-tables', input));

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { InspectorFigures, InspectorsFigures } from '#shared/api/dashboard';
import { api } from '#web/lib/api-client';

export type { InspectorFigures, InspectorsFigures };

export interface InspectorsQuery {
  project: string;
  from: string;
  to: string;
}

export const inspectorFigureKeys = {
  all: ['reports', 'inspectors'] as const,
  inspectors: (q: InspectorsQuery) => [...inspectorFigureKeys.all, q.project, q.from, q.to] as const,
};

/** `GET /api/reports/inspectors` (supervisors and admins): each inspector's own work over the period. */
export const getInspectorFigures = (q: InspectorsQuery, signal?: AbortSignal) =>
  api.get<InspectorsFigures>('/reports/inspectors', { project: q.project, from: q.from, to: q.to }, signal);

export const inspectorFiguresQueryOptions = (q: InspectorsQuery) =>
  queryOptions({
    queryKey: inspectorFigureKeys.inspectors(q),
    queryFn: ({ signal }) => getInspectorFigures(q, signal),
  });

export const useInspectorFigures = (q: InspectorsQuery | undefined) =>
  useQuery({ ...inspectorFiguresQueryOptions(q ?? { project: '', from: '', to: '' }), enabled: !!q });

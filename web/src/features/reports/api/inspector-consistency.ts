import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ConsistencyBucket, ConsistencyFigures, ConsistencyShare, InspectorConsistency, InspectorRuleAgreement } from '#shared/api/dashboard';
import { api } from '#web/lib/api-client';

export type { ConsistencyBucket, ConsistencyFigures, ConsistencyShare, InspectorConsistency, InspectorRuleAgreement };

export interface InspectorConsistencyQuery {
  project: string;
  inspector: string;
  from: string;
  to: string;
}

export const inspectorConsistencyKeys = {
  all: ['reports', 'inspector-consistency'] as const,
  one: (q: InspectorConsistencyQuery) => [...inspectorConsistencyKeys.all, q.project, q.inspector, q.from, q.to] as const,
};

/** `GET /api/reports/inspector-consistency` (supervisors and admins): one inspector's consistency over the period. */
export const getInspectorConsistency = (q: InspectorConsistencyQuery, signal?: AbortSignal) =>
  api.get<InspectorConsistency>('/reports/inspector-consistency', { project: q.project, inspector: q.inspector, from: q.from, to: q.to }, signal);

export const inspectorConsistencyQueryOptions = (q: InspectorConsistencyQuery) =>
  queryOptions({ queryKey: inspectorConsistencyKeys.one(q), queryFn: ({ signal }) => getInspectorConsistency(q, signal) });

export const useInspectorConsistency = (q: InspectorConsistencyQuery | undefined) =>
  useQuery({ ...inspectorConsistencyQueryOptions(q ?? { project: '', inspector: '', from: '', to: '' }), enabled: !!q });

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SamplingInspectors } from '#shared/api/sampling';
import { api } from '#web/lib/api-client';

/** Active inspectors bound to the project or one of its teams (`GET /api/sampling/inspectors/:project`). */
export const getInspectors = (project: string, signal?: AbortSignal) =>
  api.get<SamplingInspectors>(`/sampling/inspectors/${encodeURIComponent(project)}`, undefined, signal).then((r) => r.items);

export const inspectorsQueryOptions = (project: string) =>
  queryOptions({
    queryKey: ['sampling', 'inspectors', project],
    queryFn: ({ signal }) => getInspectors(project, signal),
    staleTime: 60_000,
  });

export const useInspectors = (project: string | undefined, enabled: boolean) => useQuery({ ...inspectorsQueryOptions(project ?? ''), enabled: enabled && !!project });

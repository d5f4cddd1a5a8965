import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChecklistVersion } from '../../../../../shared/src/api/checklists';
import { api } from '../../../lib/api-client';

/** `GET /api/checklists/:id`: the version an evaluation was made against, with guidance and rules. */
export const getChecklist = (id: string, signal?: AbortSignal) => api.get<ChecklistVersion>(`/checklists/${encodeURIComponent(id)}`, undefined, signal);

export const checklistQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['workspace', 'checklist', id],
    queryFn: ({ signal }) => getChecklist(id, signal),
    // A published version never changes.
    staleTime: Infinity,
  });

export const useChecklist = (id: string | undefined) => useQuery({ ...checklistQueryOptions(id ?? ''), enabled: !!id });

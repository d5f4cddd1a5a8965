import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChecklistSection } from '../../../../../shared/src/checklists/types';
import { api } from '../../../lib/api-client';

/** `GET /api/checklists/:id`: the version an evaluation was made against, with guidance and rules. */
export interface ChecklistVersion {
  id: string;
  version: number;
  sections: ChecklistSection[];
}

export const getChecklist = (id: string, signal?: AbortSignal) => api.get<ChecklistVersion>(`/checklists/${encodeURIComponent(id)}`, undefined, signal);

export const checklistQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['workspace', 'checklist', id],
    queryFn: ({ signal }) => getChecklist(id, signal),
    // A published version never changes.
    staleTime: Infinity,
  });

export const useChecklist = (id: string | undefined) => useQuery({ ...checklistQueryOptions(id ?? ''), enabled: !!id });

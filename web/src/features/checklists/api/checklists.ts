import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChecklistSummary } from '#shared/api/checklists';
import type { ChecklistSection } from '#shared/checklists/types';
import { checklistKeys, checklistVersionQueryOptions, type ChecklistVersion } from '#web/api/checklists';
import { api, type Page } from '#web/lib/api-client';
import { autocheckRunsQueryOptions } from './autocheck-runs';

export type { ChecklistSummary, ChecklistVersion };

export interface UpdateDraftInput {
  id: string;
  sections: ChecklistSection[];
  note?: string;
}

export const getChecklists = (signal?: AbortSignal) => api.get<Page<ChecklistSummary>>('/checklists', undefined, signal);

export const checklistsQueryOptions = () => queryOptions({ queryKey: checklistKeys.list(), queryFn: ({ signal }) => getChecklists(signal) });

export const useChecklists = () => useQuery(checklistsQueryOptions());

/** Starts the next version as a copy of the active one; 409 while another draft exists. */
export const createDraft = () => api.post<ChecklistVersion>('/checklists', {});
/** A 400 names every bad field in ApiError.errors (`sections[0].items[4].rule.phrases`…), as validateChecklist does. */
export const updateDraft = ({ id, ...body }: UpdateDraftInput) => api.put<ChecklistVersion>(`/checklists/${id}`, body);
/** Published versions never change; the server then re-checks past calls in the background. */
export const publishChecklist = (id: string) => api.post<ChecklistVersion>(`/checklists/${id}/publish`);
export const deleteDraft = (id: string) => api.delete<void>(`/checklists/${id}`);

function useInvalidateChecklists() {
  const queryClient = useQueryClient();
  // A publish starts a re-check run: refresh its progress too.
  return () => Promise.all([checklistKeys.all, autocheckRunsQueryOptions().queryKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateDraft() {
  const invalidate = useInvalidateChecklists();
  return useMutation({ mutationFn: createDraft, onSuccess: invalidate });
}

export function useUpdateDraft() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDraft,
    onSuccess: (saved) => {
      queryClient.setQueryData(checklistVersionQueryOptions(saved.id).queryKey, saved);
      // A dry run shown was of the draft before this save.
      return Promise.all([checklistKeys.list(), [...checklistKeys.version(saved.id), 'dry-run']].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}

export function usePublishChecklist() {
  const invalidate = useInvalidateChecklists();
  return useMutation({ mutationFn: publishChecklist, onSuccess: invalidate });
}

export function useDeleteDraft() {
  const invalidate = useInvalidateChecklists();
  return useMutation({ mutationFn: deleteDraft, onSuccess: invalidate });
}

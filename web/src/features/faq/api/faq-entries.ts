import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FaqEffect, FaqEffectItem, FaqEntryDetail, FaqInbox, FaqListItem, FaqProposal, FaqStatus, FaqVersion } from '#shared/api/faq';
import { faqKeys } from '#web/api/faq';
import { api } from '#web/lib/api-client';

export type { FaqEffect, FaqEffectItem, FaqEntryDetail, FaqInbox, FaqListItem, FaqProposal, FaqStatus, FaqVersion };

export interface FaqContent {
  question: string;
  answer: string;
  tags?: string[];
  alternatives?: string[];
  businessType?: string | null;
}

export const faqEntryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: faqKeys.detail(id),
    queryFn: ({ signal }) => api.get<FaqEntryDetail>(`/faq/${encodeURIComponent(id)}`, undefined, signal),
  });

export const useFaqEntry = (id: string) => useQuery(faqEntryQueryOptions(id));

export const faqEffectQueryOptions = (id: string) =>
  queryOptions({
    queryKey: [...faqKeys.detail(id), 'effect'],
    queryFn: ({ signal }) => api.get<FaqEffect>(`/faq/${encodeURIComponent(id)}/effect`, undefined, signal),
  });

/** "Did it help?" of a published entry (FAQ maintainers and supervisors). */
export const useFaqEffect = (id: string, enabled: boolean) => useQuery({ ...faqEffectQueryOptions(id), enabled });

/** Every FAQ mutation asks every cached FAQ answer again (lists, the entry, the inbox). */
function useFaqMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: faqKeys.all }) });
}

export const useCreateFaq = () => useFaqMutation((input: FaqContent) => api.post<FaqEntryDetail>('/faq', input));

export const useUpdateFaq = (id: string) =>
  useFaqMutation((input: FaqContent & { revision: number }) => api.put<FaqEntryDetail>(`/faq/${encodeURIComponent(id)}`, input));

export const useFaqStep = (id: string, step: 'submit' | 'publish' | 'retire') =>
  useFaqMutation((input: { revision?: number; reason?: string }) => api.post<FaqEntryDetail>(`/faq/${encodeURIComponent(id)}/${step}`, input));

export const inboxQueryOptions = () =>
  queryOptions({
    queryKey: faqKeys.proposals({ status: 'pending' }),
    queryFn: ({ signal }) => api.get<FaqInbox>('/faq-proposals', { status: 'pending' }, signal),
  });

export const useFaqInbox = () => useQuery(inboxQueryOptions());

export const useDecideProposal = (decision: 'accept' | 'reject') =>
  useFaqMutation((input: { id: string; note?: string }) => api.post<FaqProposal>(`/faq-proposals/${encodeURIComponent(input.id)}/${decision}`, { note: input.note }));

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FaqListItem, FaqProposal } from '#shared/api/faq';
import { api, type Page } from '#web/lib/api-client';

/**
 * The FAQ as several features need it: the FAQ pages, the scoring workspace (search, propose) and the
 * coaching page (search). Every cached FAQ answer sits under `faqKeys.all`.
 */
export const faqKeys = {
  all: ['faq'] as const,
  search: (filters: object) => [...faqKeys.all, 'search', filters] as const,
  detail: (id: string) => [...faqKeys.all, 'detail', id] as const,
  proposals: (filters: object) => [...faqKeys.all, 'proposals', filters] as const,
  mine: () => [...faqKeys.all, 'proposals', 'mine'] as const,
};

export interface FaqSearchFilters {
  q?: string;
  status?: string;
  tag?: string;
  page: number;
  pageSize: number;
}

export const faqSearchQueryOptions = (filters: FaqSearchFilters) =>
  queryOptions({
    queryKey: faqKeys.search(filters),
    queryFn: ({ signal }) => api.get<Page<FaqListItem>>('/faq', { ...filters }, signal),
    placeholderData: keepPreviousData,
  });

export const useFaqSearch = (filters: FaqSearchFilters, enabled = true) => useQuery({ ...faqSearchQueryOptions(filters), enabled });

export interface ProposalInput {
  recordingId: string;
  evaluationId?: string;
  code?: string;
  at?: number;
  entryId?: string;
  question: string;
  answer?: string;
  note?: string;
}

/** An inspector proposes a new FAQ entry or a change to one, from a call's defect. */
export function useProposeFaq() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ProposalInput) => api.post<FaqProposal>('/faq-proposals', input),
    onSuccess: () => client.invalidateQueries({ queryKey: faqKeys.all }),
  });
}

import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChecklistVersion } from '../../../../../shared/src/api/checklists';
import { api } from '../../../lib/api-client';

export const getRuleTitles = async (signal?: AbortSignal): Promise<Record<string, string>> => {
  const checklist = await api.get<ChecklistVersion>('/checklists/active', undefined, signal);
  return Object.fromEntries(checklist.sections.flatMap((section) => section.items.map((item) => [item.code, item.title])));
};

export const ruleTitlesQueryOptions = () =>
  queryOptions({
    queryKey: ['recordings', 'rule-titles'],
    queryFn: ({ signal }) => getRuleTitles(signal),
    staleTime: 5 * 60_000,
  });

/** Item titles by code; while loading or if refused, the page shows the codes alone. */
export const useRuleTitles = () => useQuery(ruleTitlesQueryOptions());

/** The active checklist's automatically checked items, for the "failed rule" filter. */
export const getRuledItems = async (signal?: AbortSignal): Promise<{ code: string; title: string }[]> => {
  const checklist = await api.get<ChecklistVersion>('/checklists/active', undefined, signal);
  return checklist.sections.flatMap((section) => section.items.filter((item) => item.rule).map(({ code, title }) => ({ code, title })));
};

export const ruledItemsQueryOptions = () =>
  queryOptions({
    queryKey: ['recordings', 'ruled-items'],
    queryFn: ({ signal }) => getRuledItems(signal),
    staleTime: 5 * 60_000,
  });

export const useRuledItems = () => useQuery(ruledItemsQueryOptions());

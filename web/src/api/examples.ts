import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CallExample,
  CallExampleList,
  ExampleKind,
  ExampleRegion,
  FaqExampleLinks,
  SharingPresenterList,
  SharingSession,
  SharingSessionList,
} from '#shared/api/examples';
import type { Evaluation } from '#shared/api/evaluations';
import { api } from '#web/lib/api-client';

export type { CallExample, ExampleKind, ExampleRegion, SharingSession };

/**
 * Example calls for the weekly sharing (issue 14), shared by the workspace (marking), the examples page
 * and the FAQ entry page (linked examples). Every cached answer sits under `exampleKeys.all`.
 */
export const exampleKeys = {
  all: ['examples'] as const,
  list: (filters: ExampleFilters) => [...exampleKeys.all, 'list', filters] as const,
  sessions: (project?: string) => [...exampleKeys.all, 'sessions', project ?? null] as const,
  session: (id: string) => [...exampleKeys.all, 'session', id] as const,
  presenters: (project: string) => [...exampleKeys.all, 'presenters', project] as const,
  faq: (entryId: string) => [...exampleKeys.all, 'faq', entryId] as const,
  faqCandidates: () => [...exampleKeys.all, 'faq-candidates'] as const,
};

export interface ExampleFilters {
  project?: string;
  team?: string;
  item?: string;
  tag?: string;
  kind?: ExampleKind;
}

export interface ExampleInput {
  kind: ExampleKind;
  items: string[];
  note: string;
  tags: string[];
  regions: ExampleRegion[];
}

/** Where playing an example begins: its first marked moment. */
export const firstMoment = (example: CallExample) => example.regions[0]?.start ?? 0;

const enc = encodeURIComponent;

export const useExamples = (filters: ExampleFilters, enabled = true) =>
  useQuery(
    queryOptions({
      queryKey: exampleKeys.list(filters),
      queryFn: ({ signal }) => api.get<CallExampleList>('/examples', { ...filters }, signal),
      placeholderData: keepPreviousData,
      enabled,
    }),
  );

export function useMarkExample() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ExampleInput & { evaluationId: string }) => api.post<CallExample>('/examples', input),
    onSuccess: () => client.invalidateQueries({ queryKey: exampleKeys.all }),
  });
}

export function useEditExample() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: ExampleInput & { id: string }) => api.put<CallExample>(`/examples/${enc(id)}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: exampleKeys.all }),
  });
}

/** The items of an example's evaluation (its checklist version), to choose from when editing it. */
export const useEvaluationItems = (evaluationId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...exampleKeys.all, 'evaluation-items', evaluationId],
    queryFn: async ({ signal }) => (await api.get<Evaluation>(`/evaluations/${enc(evaluationId)}`, undefined, signal)).items,
    enabled,
  });

export function useRemoveExample() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/examples/${enc(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: exampleKeys.all }),
  });
}

export const useSharingSessions = (project?: string, enabled = true) =>
  useQuery({
    queryKey: exampleKeys.sessions(project),
    queryFn: ({ signal }) => api.get<SharingSessionList>('/sharing-sessions', { project }, signal),
    enabled,
  });

/** Whom a session of the project may name as presenter: the centre's active users who open its sessions. */
export const useSessionPresenters = (project: string | undefined) =>
  useQuery({
    queryKey: exampleKeys.presenters(project ?? ''),
    queryFn: ({ signal }) => api.get<SharingPresenterList>('/sharing-sessions/presenters', { project }, signal),
    enabled: !!project,
    staleTime: 60_000,
  });

export interface SessionInput {
  project: string;
  date: string;
  title: string;
  presenter: string;
  exampleIds: string[];
}

export function useSaveSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: SessionInput & { id?: string }) =>
      id ? api.put<SharingSession>(`/sharing-sessions/${enc(id)}`, input) : api.post<SharingSession>('/sharing-sessions', input),
    onSuccess: () => client.invalidateQueries({ queryKey: exampleKeys.all }),
  });
}

/** The audio of an example as a session plays it (the session grants its audience), from `at` seconds. */
export const sessionAudioUrl = (sessionId: string, exampleId: string, at = 0) => `/api/sharing-sessions/${enc(sessionId)}/examples/${enc(exampleId)}/audio#t=${at}`;

/** The audio of an example linked to an FAQ entry, from `at` seconds. */
export const faqExampleAudioUrl = (entryId: string, exampleId: string, at = 0) => `/api/faq/${enc(entryId)}/examples/${enc(exampleId)}/audio#t=${at}`;

export const useFaqExamples = (entryId: string) =>
  useQuery({ queryKey: exampleKeys.faq(entryId), queryFn: ({ signal }) => api.get<FaqExampleLinks>(`/faq/${enc(entryId)}/examples`, undefined, signal) });

export const useFaqExampleCandidates = (enabled: boolean) =>
  useQuery({ queryKey: exampleKeys.faqCandidates(), queryFn: ({ signal }) => api.get<CallExampleList>('/faq-examples', undefined, signal), enabled });

export function useSetFaqExamples(entryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (exampleIds: string[]) => api.put<FaqExampleLinks>(`/faq/${enc(entryId)}/examples`, { exampleIds }),
    onSuccess: () => client.invalidateQueries({ queryKey: exampleKeys.faq(entryId) }),
  });
}

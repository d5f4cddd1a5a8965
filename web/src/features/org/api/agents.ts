import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Agent, AgentImportResult } from '../../../../../shared/src/api/org';
import type { AgentGrade, AgentStatus } from '../../../../../shared/src/org';
import { api, type Page } from '../../../lib/api-client';

export type { Agent };

export interface AgentFilters {
  team?: string;
  project?: string;
  status?: AgentStatus;
  /** Part of a name or employee number. */
  q?: string;
  page: number;
  pageSize: number;
}

export interface CreateAgentInput {
  employeeNo: string;
  name: string;
  team: string;
  hiredAt: string;
  grade: AgentGrade;
}

export interface UpdateAgentInput {
  name?: string;
  team?: string;
  hiredAt?: string;
  grade?: AgentGrade;
  status?: AgentStatus;
}

export const getAgents = (filters: AgentFilters, signal?: AbortSignal) => api.get<Page<Agent>>('/agents', { ...filters }, signal);

export const agentsQueryOptions = (filters: AgentFilters) =>
  queryOptions({
    queryKey: ['agents', filters],
    queryFn: ({ signal }) => getAgents(filters, signal),
    placeholderData: keepPreviousData,
  });

export const useAgents = (filters: AgentFilters) => useQuery(agentsQueryOptions(filters));

export const createAgent = (input: CreateAgentInput) => api.post<Agent>('/agents', input);

export const updateAgent = ({ id, ...patch }: UpdateAgentInput & { id: string }) => api.patch<Agent>(`/agents/${id}`, patch);

/** An HR sheet as CSV; a refusal (400) carries every bad line in ApiError.errors. */
export function importAgents(file: File) {
  const body = new FormData();
  body.append('file', file);
  return api.post<AgentImportResult>('/agents/import', body);
}

function useInvalidateAgents() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['agents'] });
}

export function useCreateAgent() {
  const invalidate = useInvalidateAgents();
  return useMutation({ mutationFn: createAgent, onSuccess: invalidate });
}

export function useUpdateAgent() {
  const invalidate = useInvalidateAgents();
  return useMutation({ mutationFn: updateAgent, onSuccess: invalidate });
}

export function useImportAgents() {
  const invalidate = useInvalidateAgents();
  return useMutation({ mutationFn: importAgents, onSuccess: invalidate });
}

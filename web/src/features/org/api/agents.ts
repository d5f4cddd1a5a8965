import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgentImportResult } from '#shared/api/org';
import type { AgentGrade, AgentStatus } from '#shared/org';
import { type Agent, agentKeys } from '#web/api/agents';
import { api } from '#web/lib/api-client';

export type { Agent };

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
  return () => queryClient.invalidateQueries({ queryKey: agentKeys.all });
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

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Agent } from '#shared/api/org';
import type { AgentStatus } from '#shared/org';
import { api, type Page } from '#web/lib/api-client';

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

/** Every cached answer about agents sits under `agentKeys.all`, invalidated when one changes. */
export const agentKeys = {
  all: ['agents'] as const,
  list: (filters: AgentFilters) => [...agentKeys.all, 'list', filters] as const,
  byEmployeeNo: (employeeNo: string) => [...agentKeys.all, 'employee-no', employeeNo] as const,
};

/** `GET /api/agents`: a page of the agents in the caller's scope. */
export const getAgents = (filters: AgentFilters, signal?: AbortSignal) => api.get<Page<Agent>>('/agents', { ...filters }, signal);

export const agentsQueryOptions = (filters: AgentFilters) =>
  queryOptions({
    queryKey: agentKeys.list(filters),
    queryFn: ({ signal }) => getAgents(filters, signal),
    placeholderData: keepPreviousData,
  });

export const useAgents = (filters: AgentFilters) => useQuery(agentsQueryOptions(filters));

/** `q` matches part of a name or number: ask, then keep the exact employee number only. null: none in the caller's scope. */
export async function getAgentByEmployeeNo(employeeNo: string, signal?: AbortSignal): Promise<Agent | null> {
  const page = await getAgents({ q: employeeNo, page: 1, pageSize: 100 }, signal);
  return page.items.find((agent) => agent.employeeNo === employeeNo) ?? null;
}

export const agentQueryOptions = (employeeNo: string) =>
  queryOptions({ queryKey: agentKeys.byEmployeeNo(employeeNo), queryFn: ({ signal }) => getAgentByEmployeeNo(employeeNo, signal) });

export const useAgent = (employeeNo: string) => useQuery(agentQueryOptions(employeeNo));

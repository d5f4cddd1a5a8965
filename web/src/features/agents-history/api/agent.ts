import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Agent } from '../../../../../shared/src/api/org';
import { api, type Page } from '../../../lib/api-client';

/** `q` matches part of a name or number: ask, then keep the exact employee number only. null: none in the caller's scope. */
export async function getAgentByEmployeeNo(employeeNo: string, signal?: AbortSignal): Promise<Agent | null> {
  const page = await api.get<Page<Agent>>('/agents', { q: employeeNo, pageSize: 100 }, signal);
  return page.items.find((agent) => agent.employeeNo === employeeNo) ?? null;
}

export const agentQueryOptions = (employeeNo: string) =>
  queryOptions({ queryKey: ['agent-page', 'agent', employeeNo], queryFn: ({ signal }) => getAgentByEmployeeNo(employeeNo, signal) });

export const useAgent = (employeeNo: string) => useQuery(agentQueryOptions(employeeNo));

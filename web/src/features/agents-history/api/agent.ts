import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AgentGrade, AgentStatus } from '../../../../../shared/src/org';
import { api, type Page } from '../../../lib/api-client';

/** An agent as `GET /api/agents` lists them. */
export interface AgentDetails {
  id: string;
  employeeNo: string;
  name: string;
  /** Team code. */
  team: string;
  teamName: string;
  /** Project code. */
  project: string;
  /** YYYY-MM-DD */
  hiredAt: string;
  grade: AgentGrade;
  status: AgentStatus;
}

/** `q` matches part of a name or number: ask, then keep the exact employee number only. null: none in the caller's scope. */
export async function getAgentByEmployeeNo(employeeNo: string, signal?: AbortSignal): Promise<AgentDetails | null> {
  const page = await api.get<Page<AgentDetails>>('/agents', { q: employeeNo, pageSize: 100 }, signal);
  return page.items.find((agent) => agent.employeeNo === employeeNo) ?? null;
}

export const agentQueryOptions = (employeeNo: string) =>
  queryOptions({ queryKey: ['agent-page', 'agent', employeeNo], queryFn: ({ signal }) => getAgentByEmployeeNo(employeeNo, signal) });

export const useAgent = (employeeNo: string) => useQuery(agentQueryOptions(employeeNo));

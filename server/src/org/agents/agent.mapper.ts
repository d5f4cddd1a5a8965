import type { Agent } from '#shared/api/org.js';
import type { AgentEntity } from './agent.entity.js';

/** An agent loaded with its team and the team's project. */
export const toAgentResponse = (a: AgentEntity): Agent => ({
  id: a.id,
  employeeNo: a.employeeNo,
  name: a.name,
  team: a.team.code,
  teamName: a.team.name,
  project: a.team.project.code,
  hiredAt: a.hiredAt,
  grade: a.grade,
  status: a.status,
});

/**
 * Projects, teams, agents and users as `/api/projects`, `/api/teams`, `/api/agents` and `/api/users`
 * answer them (lists as `Page<…>`, one by id, and after a create or an update).
 */
import type { AgentGrade, AgentStatus, Role } from '../org.js';

export interface Project {
  id: string;
  code: string;
  name: string;
  active: boolean;
  /** Days after submission a team lead may dispute an evaluation of the project (issue 15; default 7). */
  disputeWindowDays: number;
  /** Share of the daily sampled calls scored blind (0–0.5, default 0.1): the machine's verdicts hidden until submit. */
  blindShare: number;
}

/** An active user with the team_lead role bound to the team. */
export interface TeamLead {
  id: string;
  username: string;
  displayName: string;
}

export interface Team {
  id: string;
  code: string;
  name: string;
  /** The project's code. */
  project: string;
  projectName: string;
  active: boolean;
  /** Ordered by username; empty in the answer to a create. */
  leads: TeamLead[];
}

export interface Agent {
  id: string;
  /** 工号, unique in the centre. */
  employeeNo: string;
  name: string;
  /** The team's code. */
  team: string;
  teamName: string;
  /** The project's code. */
  project: string;
  /** YYYY-MM-DD */
  hiredAt: string;
  grade: AgentGrade;
  status: AgentStatus;
}

/** `POST /api/agents/import`: an HR sheet taken all or nothing. */
export interface AgentImportResult {
  created: number;
  updated: number;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Project codes the user is bound to, sorted. */
  projects: string[];
  /** Team codes the user is bound to, sorted. */
  teams: string[];
  active: boolean;
  /** Sees every project whatever the bindings (explicit; bound to nothing otherwise means no projects). */
  allProjects: boolean;
}

/** Organisation vocabulary shared by server and web. */

export enum Role {
  Admin = 'admin',
  Supervisor = 'supervisor',
  Inspector = 'inspector',
  TeamLead = 'team_lead',
  FaqMaintainer = 'faq_maintainer',
  /** 培训师 / 数据分析 (DOMAIN.md "Who uses it"): reads the quarterly grade review of the projects he is bound to. */
  Trainer = 'trainer',
}
export const ROLES: readonly Role[] = Object.values(Role);

/** Agent grades, reviewed quarterly (DOMAIN.md "Grades and promotion"). */
export enum AgentGrade {
  Intern = 'intern',
  C = 'C',
  B = 'B',
  A = 'A',
}
export const AGENT_GRADES: readonly AgentGrade[] = Object.values(AgentGrade);

export enum AgentStatus {
  Active = 'active',
  Left = 'left',
}

import { AgentGrade, Role } from '#shared/org.js';

/** The demo call centre of `npm start`: invented people, no real data. */

export const DEMO_PROJECTS = [
  { code: 'CS', name: '客服热线项目组' },
  { code: 'TM', name: '电话营销项目组' },
];

export const DEMO_TEAMS = [
  { code: 'CS-1', name: '客服一组', project: 'CS' },
  { code: 'CS-2', name: '客服二组', project: 'CS' },
  { code: 'TM-1', name: '营销一组', project: 'TM' },
  { code: 'TM-2', name: '营销二组', project: 'TM' },
];

export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; projects?: string[]; teams?: string[]; allProjects?: boolean }[] = [
  { username: 'supervisor', displayName: '周品质（品质主管）', roles: [Role.Supervisor], allProjects: true },
  { username: 'inspector1', displayName: '林质检', roles: [Role.Inspector], projects: ['CS'] },
  { username: 'inspector2', displayName: '高质检', roles: [Role.Inspector], projects: ['TM'] },
  // CS's second inspector: the daily samples spread over both, and the two calibrate together.
  { username: 'inspector3', displayName: '赵质检', roles: [Role.Inspector], projects: ['CS'] },
  { username: 'lead1', displayName: '王班长', roles: [Role.TeamLead], teams: ['CS-1'] },
  { username: 'lead2', displayName: '李班长', roles: [Role.TeamLead], teams: ['CS-2'] },
  { username: 'lead3', displayName: '张班长', roles: [Role.TeamLead], teams: ['TM-1'] },
  { username: 'lead4', displayName: '刘班长', roles: [Role.TeamLead], teams: ['TM-2'] },
  { username: 'faq', displayName: '陈知识库', roles: [Role.FaqMaintainer] },
  { username: 'trainer', displayName: '赵培训', roles: [Role.Trainer], projects: ['CS', 'TM'] },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
const GIVEN = ['晓燕', '建华', '丽娟', '志强', '婷婷', '海峰', '雪梅', '俊杰', '静', '磊', '敏', '欣怡', '浩然', '佳琪', '子涵', '文博'];

/** Eight agents a team, a mix of grades and seniority; dates are relative to today so new hires stay new. */
export function demoAgents(today: Date): { employeeNo: string; name: string; team: string; hiredAt: string; grade: AgentGrade; left?: boolean }[] {
  const grades = [AgentGrade.A, AgentGrade.B, AgentGrade.B, AgentGrade.C, AgentGrade.C, AgentGrade.C, AgentGrade.Intern, AgentGrade.C];
  const daysAgo = [1400, 900, 700, 420, 300, 200, 40, 75];
  const agents = [];
  let n = 0;
  for (const [t, team] of DEMO_TEAMS.entries()) {
    for (let i = 0; i < 8; i++, n++) {
      const hired = new Date(today.getTime() - (daysAgo[i] + t * 7) * 86_400_000);
      agents.push({
        employeeNo: `${team.project}${String(1001 + n)}`,
        name: SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 5) % GIVEN.length],
        team: team.code,
        hiredAt: hired.toISOString().slice(0, 10),
        grade: grades[i],
        left: t === 3 && i === 7,
      });
    }
  }
  return agents;
}

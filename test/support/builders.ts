import type { TestApp } from './test-app.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36).slice(-4)}${(++counter).toString(36)}`.toUpperCase();

async function created<T>(res: { status: number; body: unknown }, what: string): Promise<T> {
  if (res.status !== 201) throw new Error(`creating ${what} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

export interface Built {
  id: string;
  code: string;
}

/** Test data made through the public API as admin, each with overrides. */
export function builders(t: TestApp) {
  const admin = () => t.as(t.adminToken);
  return {
    project: async (over: Partial<{ code: string; name: string }> = {}) =>
      created<Built & { name: string }>(
        await admin()
          .post('/api/projects')
          .send({ code: unique('P'), name: '测试项目', ...over }),
        'project',
      ),
    team: async (project: string, over: Partial<{ code: string; name: string }> = {}) =>
      created<Built & { project: string }>(
        await admin()
          .post('/api/teams')
          .send({ code: unique('T'), name: '测试班组', project, ...over }),
        'team',
      ),
    agent: async (team: string, over: Partial<{ employeeNo: string; name: string; hiredAt: string; grade: string }> = {}) =>
      created<{ id: string; employeeNo: string; team: string }>(
        await admin()
          .post('/api/agents')
          .send({ employeeNo: unique('E'), name: '张三', team, hiredAt: '2024-03-01', grade: 'C', ...over }),
        'agent',
      ),
    /**
     * A user; an unbound supervisor gets the explicit "all projects" flag unless `allProjects` says
     * otherwise (bound to nothing otherwise means no projects at all).
     */
    user: async (
      over: Partial<{ username: string; password: string; displayName: string; roles: string[]; projects: string[]; teams: string[]; allProjects: boolean }> = {},
    ) => {
      const unboundSupervisor = (over.roles ?? []).includes('supervisor') && !over.projects?.length && !over.teams?.length;
      const body = {
        username: unique('u').toLowerCase(),
        password: 'secret-pass-1',
        displayName: '测试用户',
        roles: ['inspector'],
        ...(unboundSupervisor ? { allProjects: true } : {}),
        ...over,
      };
      const user = await created<{ id: string; username: string }>(await admin().post('/api/users').send(body), 'user');
      return { ...user, password: body.password, token: await t.login(body.username, body.password) };
    },
  };
}

/**
 * Two projects, each with a team, an agent, an inspector bound to the project and a team lead
 * bound to the team: enough to test that nobody sees across the line.
 */
export async function twoProjects(t: TestApp) {
  const b = builders(t);
  const side = async () => {
    const project = await b.project();
    const team = await b.team(project.code);
    const otherTeam = await b.team(project.code);
    const agent = await b.agent(team.code);
    const inspector = await b.user({ roles: ['inspector'], projects: [project.code] });
    const lead = await b.user({ roles: ['team_lead'], teams: [team.code] });
    return { project, team, otherTeam, agent, inspector, lead };
  };
  const a = await side();
  const bSide = await side();
  const supervisor = await b.user({ roles: ['supervisor'] });
  return { a, b: bSide, supervisor };
}

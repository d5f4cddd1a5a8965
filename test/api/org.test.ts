import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders, twoProjects } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
beforeAll(async () => {
  t = await startTestApp();
  world = await twoProjects(t);
});
afterAll(() => t?.close());
const admin = () => t.as(t.adminToken);

describe('creating the organisation (CONTRACT.md "Organisation")', () => {
  it('creates a project, a team, an agent and a user, each answering 201 with its id', async () => {
    const project = await admin().post('/api/projects').send({ code: 'ORG1', name: '客服热线' });
    expect(project.status).toBe(201);
    expect(project.body).toMatchObject({ id: expect.any(String), code: 'ORG1', name: '客服热线', active: true });

    const team = await admin().post('/api/teams').send({ code: 'ORG1-A', name: '一组', project: 'ORG1' });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ id: expect.any(String), code: 'ORG1-A', project: 'ORG1' });

    const agent = await admin().post('/api/agents').send({ employeeNo: '900001', name: '王小明', team: 'ORG1-A', hiredAt: '2025-06-01', grade: 'intern' });
    expect(agent.status).toBe(201);
    expect(agent.body).toMatchObject({ id: expect.any(String), employeeNo: '900001', team: 'ORG1-A', hiredAt: '2025-06-01', grade: 'intern', status: 'active' });

    const user = await admin()
      .post('/api/users')
      .send({ username: 'lead-org1', password: 'long-enough-1', displayName: '王班长', roles: ['team_lead'], teams: ['ORG1-A'] });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({ id: expect.any(String), username: 'lead-org1', roles: ['team_lead'], teams: ['ORG1-A'], projects: [] });
    expect(JSON.stringify(user.body)).not.toMatch(/password|hash|argon/i);

    const teams = await admin().get('/api/teams?project=ORG1');
    expect(teams.body.items[0].leads).toEqual([expect.objectContaining({ username: 'lead-org1' })]);
  });

  it.each([
    ['project code', '/api/projects', () => ({ code: world.a.project.code, name: 'x' })],
    ['team code', '/api/teams', () => ({ code: world.a.team.code, name: 'x', project: world.a.project.code })],
    ['employee number', '/api/agents', () => ({ employeeNo: world.a.agent.employeeNo, name: 'x', team: world.a.team.code, hiredAt: '2024-01-01', grade: 'C' })],
    ['username', '/api/users', () => ({ username: world.a.inspector.username, password: 'long-enough-1', displayName: 'x', roles: ['inspector'] })],
  ])('answers 409 for a duplicate %s', async (_title, url, body) => {
    const res = await admin().post(url).send(body());
    expect(res.status).toBe(409);
    expect(res.body.statusCode).toBe(409);
  });

  it.each([
    ['a project without a name', '/api/projects', { code: 'X1' }, 'name'],
    ['a project code with spaces', '/api/projects', { code: 'a b', name: 'x' }, 'code'],
    ['a team of an unknown project', '/api/teams', { code: 'X1', name: 'x', project: 'NOPE' }, 'project'],
    ['an agent of an unknown team', '/api/agents', { employeeNo: 'X1', name: 'x', team: 'NOPE', hiredAt: '2024-01-01', grade: 'C' }, 'team'],
    ['an agent hired on 2024-02-30', '/api/agents', { employeeNo: 'X2', name: 'x', team: 'T', hiredAt: '2024-02-30', grade: 'C' }, 'hiredAt'],
    ['an agent hired "yesterday"', '/api/agents', { employeeNo: 'X3', name: 'x', team: 'T', hiredAt: 'yesterday', grade: 'C' }, 'hiredAt'],
    ['an agent of grade D', '/api/agents', { employeeNo: 'X4', name: 'x', team: 'T', hiredAt: '2024-01-01', grade: 'D' }, 'grade'],
    ['an agent with an unknown field', '/api/agents', { employeeNo: 'X5', name: 'x', team: 'T', hiredAt: '2024-01-01', grade: 'C', salary: 1 }, 'salary'],
    ['a user with role "boss"', '/api/users', { username: 'boss1', password: 'long-enough-1', displayName: 'x', roles: ['boss'] }, 'roles'],
    ['a user with no roles', '/api/users', { username: 'boss2', password: 'long-enough-1', displayName: 'x', roles: [] }, 'roles'],
    ['a user with a short password', '/api/users', { username: 'boss3', password: 'short', displayName: 'x', roles: ['inspector'] }, 'password'],
    [
      'a user bound to an unknown project',
      '/api/users',
      { username: 'boss4', password: 'long-enough-1', displayName: 'x', roles: ['inspector'], projects: ['NOPE'] },
      'projects',
    ],
    ['a user bound to an unknown team', '/api/users', { username: 'boss5', password: 'long-enough-1', displayName: 'x', roles: ['team_lead'], teams: ['NOPE'] }, 'teams'],
  ])('answers 400 naming the field for %s', async (_title, url, body, field) => {
    const res = await admin().post(url).send(body);
    expect(res.status).toBe(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.message).toContain(field);
  });

  it('stores nothing when a user is refused', async () => {
    await admin()
      .post('/api/users')
      .send({ username: 'halfway', password: 'long-enough-1', displayName: 'x', roles: ['inspector'], teams: ['NOPE'] });
    const users = await admin().get('/api/users');
    expect(users.body.items.map((u: { username: string }) => u.username)).not.toContain('halfway');
  });
});

describe('roles', () => {
  it.each([
    ['an inspector creates a project', () => world.a.inspector.token, 'post', '/api/projects', { code: 'R1', name: 'x' }],
    ['a supervisor creates a project', () => world.supervisor.token, 'post', '/api/projects', { code: 'R2', name: 'x' }],
    ['a team lead creates an agent', () => world.a.lead.token, 'post', '/api/agents', { employeeNo: 'R3', name: 'x', team: 'T', hiredAt: '2024-01-01', grade: 'C' }],
    ['an inspector lists users', () => world.a.inspector.token, 'get', '/api/users', undefined],
    [
      'a supervisor creates a user',
      () => world.supervisor.token,
      'post',
      '/api/users',
      { username: 'r4', password: 'long-enough-1', displayName: 'x', roles: ['admin'] },
    ],
    ['a team lead reads the audit log', () => world.a.lead.token, 'get', '/api/audit-log', undefined],
  ])('answers 403 when %s', async (_title, token, method, url, body) => {
    const req = t.as(token())[method as 'get' | 'post'](url);
    const res = body ? await req.send(body) : await req;
    expect(res.status).toBe(403);
    expect(res.body.statusCode).toBe(403);
  });

  it('lets an FAQ maintainer sign in but not read agents', async () => {
    const faq = await builders(t).user({ roles: ['faq_maintainer'] });
    expect((await t.as(faq.token).get('/api/auth/me')).status).toBe(200);
    expect((await t.as(faq.token).get('/api/agents')).status).toBe(403);
  });
});

describe('scope: nobody reads or changes another project or team', () => {
  it('shows an inspector only the teams and agents of the projects they are bound to', async () => {
    const agents = await t.as(world.a.inspector.token).get('/api/agents?pageSize=500');
    expect(agents.status).toBe(200);
    const teams = new Set(agents.body.items.map((a: { team: string }) => a.team));
    expect(teams.has(world.a.team.code)).toBe(true);
    expect(teams.has(world.b.team.code)).toBe(false);
    const projects = await t.as(world.a.inspector.token).get('/api/projects');
    expect(projects.body.items.map((p: { code: string }) => p.code)).toEqual([world.a.project.code]);
  });

  it('shows a team lead only his own team, not the other team of the same project', async () => {
    const teams = await t.as(world.a.lead.token).get('/api/teams');
    expect(teams.body.items.map((x: { code: string }) => x.code)).toEqual([world.a.team.code]);
    const other = await t.as(world.a.lead.token).get(`/api/agents?team=${world.a.otherTeam.code}`);
    expect(other.status).toBe(403);
  });

  it.each([
    ['an inspector reads an agent of another project', () => world.a.inspector.token, 'get', () => `/api/agents/${world.b.agent.id}`, undefined],
    ['an inspector lists another project’s agents', () => world.a.inspector.token, 'get', () => `/api/agents?project=${world.b.project.code}`, undefined],
    ['a team lead reads another project', () => world.a.lead.token, 'get', () => `/api/projects/${world.b.project.id}`, undefined],
    ['a team lead reads another team', () => world.a.lead.token, 'get', () => `/api/teams/${world.b.team.id}`, undefined],
  ])('answers 403 when %s', async (_title, token, method, url, body) => {
    const req = t.as(token())[method as 'get'](url());
    const res = body ? await req.send(body) : await req;
    expect(res.status).toBe(403);
  });

  it.each([
    ['team', () => `/api/agents?team=${world.b.team.code}`, '/api/agents?team=NOPE'],
    ['project', () => `/api/teams?project=${world.b.project.code}`, '/api/teams?project=NOPE'],
    ['agent', () => `/api/recordings?agent=${world.b.agent.employeeNo}`, '/api/recordings?agent=NOPE'],
  ])('answers a %s filter outside the caller’s scope and one that names nothing alike, so codes cannot be probed', async (_field, outside, unknown) => {
    const inspector = t.as(world.a.inspector.token);
    const [a, b] = [await inspector.get(outside()), await inspector.get(unknown)];
    expect(a.status).toBe(403);
    expect({ status: b.status, body: b.body }).toEqual({ status: a.status, body: a.body });
    // Whoever sees the whole centre learns nothing from it: the unknown code is named as such.
    const res = await admin().get(unknown);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('NOPE');
  });

  it('keeps a supervisor bound to one project out of the other', async () => {
    const sup = await builders(t).user({ roles: ['supervisor'], projects: [world.a.project.code] });
    expect((await t.as(sup.token).get(`/api/agents/${world.a.agent.id}`)).status).toBe(200);
    expect((await t.as(sup.token).get(`/api/agents/${world.b.agent.id}`)).status).toBe(403);
    const res = await t.as(sup.token).post('/api/agents').send({ employeeNo: 'SCOPE1', name: 'x', team: world.b.team.code, hiredAt: '2024-01-01', grade: 'C' });
    expect(res.status).toBe(403);
    const moved = await t.as(sup.token).patch(`/api/agents/${world.a.agent.id}`).send({ team: world.b.team.code });
    expect(moved.status).toBe(403);
  });

  it('lets an unbound supervisor see every project', async () => {
    const projects = await t.as(world.supervisor.token).get('/api/projects');
    const codes = projects.body.items.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining([world.a.project.code, world.b.project.code]));
  });

  it('gives a supervisor unbound from his last project no projects at all: "all projects" is an explicit flag (issue 11, finding 10)', async () => {
    const sup = await builders(t).user({ roles: ['supervisor'], projects: [world.a.project.code] });
    await admin().patch(`/api/users/${sup.id}`).send({ projects: [] }).expect(200);
    const token = await t.login(sup.username, sup.password);
    expect((await t.as(token).get('/api/projects')).body.items).toEqual([]);
    expect((await t.as(token).get(`/api/agents/${world.a.agent.id}`)).status).toBe(403);
    expect((await t.as(token).get('/api/auth/me')).body).toMatchObject({ projects: [], allProjects: false });
    // Given the flag, he sees the whole centre again; the flag is on the user and in the list.
    const flagged = await admin().patch(`/api/users/${sup.id}`).send({ allProjects: true });
    expect(flagged.status).toBe(200);
    expect(flagged.body.allProjects).toBe(true);
    const codes = (await t.as(token).get('/api/projects')).body.items.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining([world.a.project.code, world.b.project.code]));
    expect((await t.as(token).get('/api/auth/me')).body.allProjects).toBe(true);
  });

  it('creates an unbound supervisor with no projects unless "allProjects" is asked for, and refuses the flag to roles that cannot hold it', async () => {
    const plain = await builders(t).user({ roles: ['supervisor'], allProjects: false });
    expect((await t.as(plain.token).get('/api/projects')).body.items).toEqual([]);
    const res = await admin()
      .post('/api/users')
      .send({ username: `flag${Date.now().toString(36)}`, password: 'secret-pass-1', displayName: 'x', roles: ['inspector'], allProjects: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'allProjects' })]);
    const wrongType = await admin().patch(`/api/users/${plain.id}`).send({ allProjects: 'yes' });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors).toEqual([expect.objectContaining({ field: 'allProjects' })]);
  });

  it('answers 404 for an agent that does not exist and 400 for an id that is not one', async () => {
    expect((await admin().get('/api/agents/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await admin().get('/api/agents/abc')).status).toBe(400);
  });
});

describe('editing and deactivating', () => {
  it('marks an agent as left and filters by status', async () => {
    const b = builders(t);
    const agent = await b.agent(world.a.team.code, { name: '离职者' });
    const res = await admin().patch(`/api/agents/${agent.id}`).send({ status: 'left' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('left');
    const active = await admin().get(`/api/agents?team=${world.a.team.code}&status=active&pageSize=500`);
    expect(active.body.items.map((a: { id: string }) => a.id)).not.toContain(agent.id);
  });

  it('deactivates a project and a team', async () => {
    const p = await builders(t).project();
    const tm = await builders(t).team(p.code);
    expect((await admin().patch(`/api/projects/${p.id}`).send({ active: false })).body.active).toBe(false);
    expect((await admin().patch(`/api/teams/${tm.id}`).send({ active: false, name: '改名' })).body).toMatchObject({ active: false, name: '改名' });
  });

  it('searches agents by part of the name or number, paginated', async () => {
    const b = builders(t);
    const team = await b.team(world.a.project.code);
    for (let i = 0; i < 3; i++) await b.agent(team.code, { name: `搜索测试${i}` });
    const page = await admin().get(`/api/agents?q=搜索测试&pageSize=2&page=1`);
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(2);
    const bad = await admin().get('/api/agents?pageSize=0');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('pageSize');
  });
});

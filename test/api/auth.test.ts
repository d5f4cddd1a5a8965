import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../support/builders.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('health', () => {
  it('answers ok without signing in', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });
});

describe('POST /api/auth/login', () => {
  it('answers an access token that opens the API', async () => {
    const res = await t.anonymous.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(typeof res.body.accessToken).toBe('string');
    expect(res.body.user).toMatchObject({ username: 'admin', roles: ['admin'] });
    expect(JSON.stringify(res.body)).not.toContain('passwordHash');
    const me = await t.as(res.body.accessToken).get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('admin');
  });

  it.each([
    ['a wrong password', { username: 'admin', password: 'nope-nope' }, 401],
    ['an unknown user', { username: 'nobody', password: 'whatever1' }, 401],
    ['no password', { username: 'admin' }, 400],
    ['no username', { password: 'x' }, 400],
    ['a number as username', { username: 5, password: 'x' }, 400],
  ])('refuses %s', async (_title, body, status) => {
    const res = await t.anonymous.post('/api/auth/login').send(body);
    expect(res.status).toBe(status);
    expect(res.body.statusCode).toBe(status);
    expect(typeof res.body.message).toBe('string');
  });

  it('names the missing field', async () => {
    const res = await t.anonymous.post('/api/auth/login').send({ username: 'admin' });
    expect(res.body.message).toContain('password');
  });

  it('answers 400 JSON for a body that is not JSON', async () => {
    const res = await t.anonymous.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": ');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400 });
    expect(res.text).not.toMatch(/at .*\.js/);
  });

  it('throttles repeated failures for one user and address with 429, even for the right password', async () => {
    const user = await builders(t).user({ roles: ['inspector'] });
    for (let i = 0; i < 5; i++) {
      const res = await t.anonymous.post('/api/auth/login').send({ username: user.username, password: 'wrong-password' });
      expect(res.status).toBe(401);
    }
    const locked = await t.anonymous.post('/api/auth/login').send({ username: user.username, password: user.password });
    expect(locked.status).toBe(429);
    expect(locked.body.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('writes sign-ins and failed sign-ins to the audit log', async () => {
    await t.anonymous.post('/api/auth/login').send({ username: 'ghost-user', password: 'bad-password' });
    const log = await t.as(t.adminToken).get('/api/audit-log?pageSize=100');
    expect(log.status).toBe(200);
    const actions = log.body.items.map((e: { action: string; username: string }) => `${e.action}:${e.username}`);
    expect(actions).toContain('login.failed:ghost-user');
    expect(actions).toContain('login:admin');
    expect(JSON.stringify(log.body)).not.toContain('bad-password');
  });
});

describe('tokens', () => {
  it.each([
    ['no token', undefined],
    ['a made-up token', 'not-a-real-token'],
  ])('answers 401 with %s', async (_title, token) => {
    const api = token ? t.as(token) : t.anonymous;
    const res = await api.get('/api/projects');
    expect(res.status).toBe(401);
    expect(res.body.statusCode).toBe(401);
  });

  it('refuses a token after sign-out', async () => {
    const token = await t.login('admin', ADMIN_PASSWORD);
    expect((await t.as(token).post('/api/auth/logout')).status).toBe(204);
    expect((await t.as(token).get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a token once it has expired', async () => {
    const token = await t.login('admin', ADMIN_PASSWORD);
    const { DataSource } = await import('typeorm');
    const ds = t.app.get(DataSource);
    const { hashToken } = await import('#server/auth/token.js');
    await ds.query(`UPDATE auth_sessions SET "expiresAt" = now() - interval '1 second' WHERE "tokenHash" = $1`, [hashToken(token)]);
    expect((await t.as(token).get('/api/auth/me')).status).toBe(401);
  });

  it('refuses the tokens of a deactivated user', async () => {
    const user = await builders(t).user({ roles: ['inspector'] });
    await t.as(t.adminToken).patch(`/api/users/${user.id}`).send({ active: false }).expect(200);
    expect((await t.as(user.token).get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous.post('/api/auth/login').send({ username: user.username, password: user.password })).status).toBe(401);
  });
});

describe('errors', () => {
  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.as(t.adminToken).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.statusCode).toBe(404);
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.anonymous.get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/projects', '/api/agents/import']));
  });
});

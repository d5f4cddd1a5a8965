import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builders } from '../support/builders.js';
import { ADMIN_PASSWORD, startTestApp, withOwnApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  // A proxy on this machine: each test signs in from an address of its own (X-Forwarded-For).
  t = await startTestApp({ TRUST_PROXY: 'loopback' });
});
afterAll(() => t?.close());

let lastAddress = 0;
const newAddress = () => `198.51.100.${++lastAddress}`;
const signIn = (from: string, username: string, password: string, app: TestApp = t) =>
  request(app.http).post('/api/auth/login').set('X-Forwarded-For', from).send({ username, password });

describe('sign-in throttle (issue 11, findings 2 and 3)', () => {
  it('counts concurrent wrong passwords before checking them: 30 at once, at most 5 are checked', async () => {
    const user = await builders(t).user();
    const from = newAddress();
    const answers = await Promise.all(Array.from({ length: 30 }, () => signIn(from, user.username, 'wrong-password')));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('refuses the right password hidden among concurrent wrong ones once the limit is reached', async () => {
    const user = await builders(t).user();
    const from = newAddress();
    for (let i = 0; i < 5; i++) expect((await signIn(from, user.username, 'wrong-password')).status).toBe(401);
    const attempts = Array.from({ length: 20 }, (_, i) => (i === 7 ? user.password : 'wrong-password'));
    const answers = await Promise.all(attempts.map((password) => signIn(from, user.username, password)));
    expect(answers.map((r) => r.status)).not.toContain(200);
    expect(answers.every((r) => r.status === 429)).toBe(true);
  });

  it('answers 429 with Retry-After and the wait in seconds as params', async () => {
    const user = await builders(t).user();
    const from = newAddress();
    for (let i = 0; i < 5; i++) await signIn(from, user.username, 'wrong-password');
    const res = await signIn(from, user.username, user.password);
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('THROTTLED');
    const wait = Number(res.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(res.body.params.retryAfterSeconds).toBe(wait);
  });

  it('locks the username whatever the address and whatever its case', async () => {
    const user = await builders(t).user();
    for (let i = 0; i < 5; i++) await signIn(newAddress(), user.username, 'wrong-password');
    expect((await signIn(newAddress(), user.username.toUpperCase(), user.password)).status).toBe(429);
  });

  it('does not lock the real admin out of an address that sprayed 30 made-up usernames', async () => {
    const from = newAddress();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(from, `nobody-${i}`, 'wrong-password')));
    expect(answers.every((r) => r.status === 401)).toBe(true);
    const admin = await signIn(from, 'admin', ADMIN_PASSWORD);
    expect(admin.status).toBe(200);
  }, 180_000);

  it('keeps its count in PostgreSQL: failures through one server process lock the user on another', async () => {
    const user = await builders(t).user();
    const other = await startTestApp({ TRUST_PROXY: 'loopback' }, { url: t.databaseUrl });
    try {
      const from = newAddress();
      for (let i = 0; i < 5; i++) expect((await signIn(from, user.username, 'wrong-password', other)).status).toBe(401);
      expect((await signIn(from, user.username, user.password)).status).toBe(429);
    } finally {
      await other.close();
    }
  });

  it('starts the count afresh after a successful sign-in', async () => {
    const user = await builders(t).user();
    const from = newAddress();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await signIn(from, user.username, 'wrong-password')).status).toBe(401);
      expect((await signIn(from, user.username, user.password)).status).toBe(200);
    }
  });
});

describe('TRUST_PROXY', () => {
  const lastSignInAddress = async (app: TestApp, username: string) => {
    const log = await app.as(app.adminToken).get('/api/audit-log?pageSize=100');
    return log.body.items.find((e: { action: string; username: string }) => e.username === username && e.action === 'login.failed')?.ip;
  };

  it('by default trusts no proxy: a client cannot choose the address it is counted under', async () => {
    await withOwnApp(async (own) => {
      await signIn('203.0.113.9', 'spoofer', 'wrong-password', own);
      expect(await lastSignInAddress(own, 'spoofer')).not.toBe('203.0.113.9');
    });
  });

  it('believes X-Forwarded-For from a configured proxy', async () => {
    await signIn('203.0.113.10', 'forwarded', 'wrong-password');
    expect(await lastSignInAddress(t, 'forwarded')).toBe('203.0.113.10');
  });
});

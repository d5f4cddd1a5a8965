import { Logger } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { toneWav } from '../support/audio.js';
import { builders, twoProjects } from '../support/builders.js';
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

describe('bad input answers 400 with a code, never 500 (issue 11, finding 12)', () => {
  let world: Awaited<ReturnType<typeof twoProjects>>;
  let recordingId: string;
  let seq = 0;
  const meta = (over: Record<string, unknown> = {}) => ({
    externalId: `bad-input-${++seq}`,
    agent: world.a.agent.employeeNo,
    startedAt: '2026-11-20T09:30:00+08:00',
    direction: 'inbound',
    customerNumber: '13812345678',
    ...over,
  });
  const ingest = (metadata: unknown, transcript?: unknown) => {
    const req = t.as(t.adminToken).post('/api/recordings').attach('audio', toneWav(1), { filename: 'call.wav', contentType: 'application/octet-stream' });
    req.field('metadata', JSON.stringify(metadata));
    if (transcript !== undefined) req.field('transcript', JSON.stringify(transcript));
    return req;
  };
  const transcriptWith = (text: string) => ({ language: 'zh-CN', segments: [{ speaker: 'agent', start: 0, end: 1, text }] });
  const nested = '['.repeat(200_000) + ']'.repeat(200_000);

  beforeAll(async () => {
    world = await twoProjects(t);
    const res = await ingest(meta());
    expect(res.status).toBe(201);
    recordingId = res.body.id;
  }, 120_000);

  it.each<[string, () => request.Test | ReturnType<TestApp['anonymous']['get']>, string | undefined]>([
    ['a NUL in the sign-in username', () => t.anonymous.post('/api/auth/login').send({ username: 'ad\u0000min', password: 'whatever1' }), 'username'],
    ['400 KB of nested brackets as the sign-in body', () => t.anonymous.post('/api/auth/login').set('Content-Type', 'application/json').send(nested), undefined],
    [
      'nested brackets as the sign-in username',
      () => t.anonymous.post('/api/auth/login').set('Content-Type', 'application/json').send(`{"username":${nested},"password":"x"}`),
      undefined,
    ],
    ['a NUL in transcript text (PUT)', () => t.as(t.adminToken).put(`/api/recordings/${recordingId}/transcript`).send(transcriptWith('您好\u0000')), 'segments[0].text'],
    [
      'a lone surrogate in transcript text (PUT)',
      () => t.as(t.adminToken).put(`/api/recordings/${recordingId}/transcript`).send(transcriptWith('您好\ud800')),
      'segments[0].text',
    ],
    ['a NUL in transcript text (ingest)', () => ingest(meta(), transcriptWith('您好\u0000')), 'transcript.segments[0].text'],
    ['a lone surrogate in transcript text (ingest)', () => ingest(meta(), transcriptWith('\udc00您好')), 'transcript.segments[0].text'],
    ['?agent=%00', () => t.as(t.adminToken).get('/api/recordings?agent=%00'), 'agent'],
    ['?q=%00', () => t.as(t.adminToken).get('/api/agents?q=%00'), 'q'],
    ['page=1e300', () => t.as(t.adminToken).get('/api/recordings?page=1e300'), 'page'],
    [
      'a malformed qa_session cookie on the audio route',
      () => t.anonymous.get(`/api/recordings/${recordingId}/audio`).set('Cookie', 'qa_session=%E0%A4%A'),
      'cookie.qa_session',
    ],
    ['startedAt 2026-02-30', () => ingest(meta({ startedAt: '2026-02-30T09:30:00+08:00' })), 'metadata.startedAt'],
    ['startedAt in year 0099', () => ingest(meta({ startedAt: '0099-11-20T09:30:00+08:00' })), 'metadata.startedAt'],
    ['startedAt at 25 o’clock', () => ingest(meta({ startedAt: '2026-11-20T25:30:00+08:00' })), 'metadata.startedAt'],
    ['a report date in year 0099', () => t.as(t.adminToken).get('/api/recordings?from=0099-01-01'), 'from'],
  ])('%s', async (_title, send, field) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.body.statusCode).toBe(400);
    expect(typeof res.body.code).toBe('string');
    if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('stores nothing for a refused call', async () => {
    const res = await ingest(meta({ externalId: 'refused-feb-30', startedAt: '2026-02-30T09:30:00+08:00' }));
    expect(res.status).toBe(400);
    expect((await t.as(t.adminToken).get('/api/recordings?from=2026-03-01&to=2026-03-03')).body.total).toBe(0);
  });
});

describe('the session cookie opens the audio route only (issue 11, finding 15)', () => {
  let world: Awaited<ReturnType<typeof twoProjects>>;
  let recordingId: string;
  let cookie: string;

  beforeAll(async () => {
    world = await twoProjects(t);
    const res = await t
      .as(t.adminToken)
      .post('/api/recordings')
      .attach('audio', toneWav(1), { filename: 'call.wav', contentType: 'application/octet-stream' })
      .field(
        'metadata',
        JSON.stringify({
          externalId: 'cookie-call',
          agent: world.a.agent.employeeNo,
          startedAt: '2026-11-20T09:30:00+08:00',
          direction: 'inbound',
          customerNumber: '13812345678',
        }),
      );
    recordingId = res.body.id;
    const login = await signIn(newAddress(), world.supervisor.username, world.supervisor.password);
    cookie = String(login.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^qa_session=/);
  }, 120_000);

  it('streams the audio with the cookie alone', async () => {
    const res = await t.anonymous.get(`/api/recordings/${recordingId}/audio`).set('Cookie', cookie);
    expect(res.status).toBe(200);
  });

  it.each([
    ['the CSV export', '/api/evaluations?format=csv'],
    ['a number search', '/api/recordings?customerNumber=13812345678'],
    ['a recording', () => `/api/recordings/${recordingId}`],
    ['who is signed in', '/api/auth/me'],
  ])('refuses the cookie alone on %s with 401', async (_title, url) => {
    const res = await t.anonymous.get(typeof url === 'function' ? url() : url).set('Cookie', cookie);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('marks the cookie Secure when the request came over HTTPS through the trusted proxy, httpOnly and SameSite=Strict always', async () => {
    const plain = await signIn(newAddress(), world.supervisor.username, world.supervisor.password);
    const plainCookie = String(plain.headers['set-cookie']);
    expect(plainCookie).toMatch(/HttpOnly/i);
    expect(plainCookie).toMatch(/SameSite=Strict/i);
    expect(plainCookie).not.toMatch(/;\s*Secure/i);
    const https = await signIn(newAddress(), world.supervisor.username, world.supervisor.password).set('X-Forwarded-Proto', 'https');
    expect(String(https.headers['set-cookie'])).toMatch(/;\s*Secure/i);
  });
});

describe('no query parameters in the server log (issue 11, finding 9)', () => {
  it('logs a failed insert by its SQLSTATE and request id, without the customer number', async () => {
    await withOwnApp(async (own) => {
      const world = await twoProjects(own);
      // A constraint the insert breaks: the failed query carries the customer number among its parameters.
      await own.app.get(DataSource).query(`ALTER TABLE recordings ADD CONSTRAINT no_number_here CHECK ("customerNumber" <> '13812349876')`);
      const captured: string[] = [];
      const keep = (...args: unknown[]) => {
        captured.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
        return true;
      };
      const spies = [
        vi.spyOn(process.stdout, 'write').mockImplementation(keep as typeof process.stdout.write),
        vi.spyOn(process.stderr, 'write').mockImplementation(keep as typeof process.stderr.write),
        ...(['log', 'error', 'warn', 'info', 'debug'] as const).map((level) => vi.spyOn(console, level).mockImplementation(keep)),
        vi.spyOn(Logger.prototype, 'error').mockImplementation(keep),
      ];
      let res: request.Response;
      try {
        res = await own
          .as(own.adminToken)
          .post('/api/recordings')
          .attach('audio', toneWav(1), { filename: 'call.wav', contentType: 'application/octet-stream' })
          .field(
            'metadata',
            JSON.stringify({
              externalId: 'logged-call',
              agent: world.a.agent.employeeNo,
              startedAt: '2026-11-20T09:30:00+08:00',
              direction: 'inbound',
              customerNumber: '13812349876',
            }),
          );
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
      expect(res.status).toBe(500);
      const requestId = res.headers['x-request-id'];
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const log = captured.join('\n');
      expect(log).toContain('23514');
      expect(log).toContain(requestId);
      expect(log).not.toContain('13812349876');
      expect(log).not.toContain('1381234');
    });
  }, 180_000);
});

describe('security headers (issue 11, finding 16)', () => {
  it.each([
    ['an API answer', '/api/health'],
    ['an error', '/api/no-such-thing'],
  ])('are on %s', async (_title, url) => {
    const res = await t.anonymous.get(url);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toMatch(/media-src[^;]*blob:/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['permissions-policy']).toContain('microphone=()');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('usernames are case-insensitive', () => {
  it('signs Admin in as admin', async () => {
    const res = await signIn(newAddress(), 'ADMIN', ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('admin');
  });

  it('refuses a user whose name differs from an existing one only in case with 409', async () => {
    const user = await builders(t).user();
    const res = await t
      .as(t.adminToken)
      .post('/api/users')
      .send({ username: user.username.toUpperCase(), password: 'secret-pass-1', displayName: '重名', roles: ['inspector'] });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DUPLICATE');
  });

  it('has the database refuse two usernames that differ only in case, whoever inserts them', async () => {
    const ds = t.app.get(DataSource);
    const insert = (username: string) => ds.query(`INSERT INTO users (username, "passwordHash", "displayName", roles) VALUES ($1, 'x', 'x', '{inspector}')`, [username]);
    await insert('casecheck');
    await expect(insert('CaseCheck')).rejects.toMatchObject({ code: '23505' });
  });
});

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'info' });
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = String(chunk);
    if (text.startsWith('{')) lines.push(...text.trim().split('\n'));
    else return write(chunk as string, ...(rest as []));
    return true;
  }) as typeof process.stdout.write);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t?.close();
});

describe('the request log', () => {
  it('writes one JSON line per request, without passwords, tokens or query strings', async () => {
    const login = await t.anonymous.post('/api/auth/login').send({ username: 'admin', password: ADMIN_PASSWORD });
    const token = login.body.accessToken as string;
    await t.as(token).get('/api/recordings?customerNumber=13912345678');
    // A request's line is written when its response has finished, which may be just after supertest has it.
    const entries = await waitFor(
      () => {
        const parsed = lines.map((l) => JSON.parse(l));
        return parsed.some((e) => e.path === '/api/recordings') && parsed;
      },
      { timeoutMs: 5_000, what: 'the log line of GET /api/recordings' },
    );
    const loginLine = entries.find((e) => e.path === '/api/auth/login');
    expect(loginLine).toMatchObject({ method: 'POST', status: 200, level: 'info', msg: 'request' });
    expect(typeof loginLine.ms).toBe('number');
    const search = entries.find((e) => e.path === '/api/recordings');
    expect(search).toMatchObject({ method: 'GET', status: 200, user: expect.any(String) });
    const all = lines.join('\n');
    expect(all).not.toContain(ADMIN_PASSWORD);
    expect(all).not.toContain(token);
    expect(all).not.toContain('13912345678');
  });
});

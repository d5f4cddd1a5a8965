import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, signIn, startBuiltServer } from '../support/browser.js';

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '0' });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the web app under the security headers (issue 11, findings 3 and 16)', () => {
  it('runs under its Content-Security-Policy without a single violation', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
    });
    const first = await page.goto(`${server.baseUrl}/login`);
    expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(page, server.baseUrl, 'supervisor', 'demo1234');
    await page.getByTestId('nav-home').waitFor();
    await page.getByTestId('nav-agents').click();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await context.close();
  }, 60_000);

  it('tells a locked user how many minutes to wait', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    for (let i = 0; i < 5; i++) {
      const res = await page.request.post(`${server.baseUrl}/api/auth/login`, { data: { username: 'lead2', password: 'wrong-password' } });
      expect(res.status()).toBe(401);
    }
    await signIn(page, server.baseUrl, 'lead2', 'demo1234');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('15 分钟后再试');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  }, 60_000);
});

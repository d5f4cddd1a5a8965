import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, launchBrowser, type RunningServer, signIn, startBuiltServer } from '../support/browser.js';

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

const navKeys = async (page: import('playwright-core').Page) =>
  (await page.locator('[data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)))).sort();

describe('signing in as each role of the demo centre', () => {
  it.each([
    ['admin', ADMIN_PASSWORD, ['projects', 'teams', 'agents', 'users', 'audit'], []],
    ['supervisor', 'demo1234', ['teams', 'agents'], ['projects', 'users', 'audit']],
    ['inspector1', 'demo1234', ['agents'], ['projects', 'teams', 'users', 'audit']],
    ['lead1', 'demo1234', ['agents'], ['projects', 'teams', 'users', 'audit']],
    ['faq', 'demo1234', ['home'], ['projects', 'teams', 'agents', 'users', 'audit']],
    ['trainer', 'demo1234', ['agents', 'kpi', 'faq'], ['projects', 'teams', 'users', 'audit', 'recordings', 'exports', 'dashboard']],
  ])('%s sees the navigation of that role only', async (username, password, shown, hidden) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.baseUrl, username, password);
    await page.getByTestId('nav-home').waitFor();
    const keys = await navKeys(page);
    for (const key of shown) expect(keys).toContain(key);
    for (const key of hidden) expect(keys).not.toContain(key);
    await context.close();
  });

  it('shows an error for a wrong password and stays on the sign-in page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'inspector1', 'wrong-password');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('用户名或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('is in Chinese first and switches to English', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.locator('#username').waitFor();
    expect(await page.locator('body').innerText()).toContain('登录');
    await page.getByTestId('lang-switch').getByText('English').click();
    await page.getByTestId('login-submit').getByText('Sign in').waitFor();
    await context.close();
  });

  it('shows a page the role may not use as forbidden, and signs out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'inspector1', 'demo1234');
    await page.getByTestId('nav-home').waitFor();
    await page.goto(`${server.baseUrl}/users`);
    await page.getByTestId('forbidden').waitFor();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await context.close();
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, signIn, startBuiltServer, waitForDemoCentre } from '../support/browser.js';

/**
 * Issue 10 in the browser: the team lead has /coaching open; an inspector fails an item of a call of
 * the lead's team through the API; the item appears on the lead's page without reloading (the 15-s
 * poll), and the lead opens it and records the one-to-one.
 */

let server: RunningServer;
let browser: Browser;

async function login(username: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function call<T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.baseUrl}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as T };
}

beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '1' });
  browser = await launchBrowser();
  await waitForDemoCentre(server);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('coaching items reach the team lead without reloading', () => {
  it('shows the lead an inspector’s new failure within the poll, and lets him record the one-to-one', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'lead1', 'demo1234');
    await page.getByTestId('nav-coaching').click();
    await page.waitForURL(/\/coaching$/);
    await page.getByTestId('coaching-table').waitFor();

    // The inspector fails GREETING on a call of team CS-1, through the API.
    const inspector = await login('inspector1');
    const calls = (await call<{ items: { id: string }[] }>(inspector, 'GET', '/recordings?team=CS-1&pageSize=50')).body.items;
    const active = (await call<{ sections: { items: { code: string }[] }[] }>(inspector, 'GET', '/checklists/active')).body;
    const items = active.sections.flatMap((s) =>
      s.items.map((i) => ({
        code: i.code,
        verdict: i.code === 'GREETING' || i.code === 'FORBIDDEN' ? 'fail' : 'pass',
        comment: i.code === 'GREETING' ? '开头没有问候' : undefined,
        at: i.code === 'GREETING' ? 1 : undefined,
      })),
    );
    let evaluationId: string | undefined;
    for (const c of calls) {
      const res = await call<{ id: string }>(inspector, 'POST', '/evaluations', { recordingId: c.id, source: 'daily', items });
      if (res.status === 201) {
        evaluationId = res.body.id;
        break;
      }
    }
    expect(evaluationId).toBeDefined();

    // No reload: the list is asked again every 15 s; a fatal item stands first.
    const lead = await login('lead1');
    const mine = (await call<{ items: { id: string; evaluationId: string }[] }>(lead, 'GET', '/coaching-items?pageSize=500')).body.items.find(
      (i) => i.evaluationId === evaluationId,
    )!;
    expect(mine).toBeDefined();
    const link = page.locator(`a[href="/coaching/${mine.id}"]`);
    await link.waitFor({ timeout: 25_000 });
    await page.getByTestId('coaching-badge').waitFor();
    await page.screenshot({ path: '/tmp/coaching-list.png', fullPage: true });
    await link.click();
    await page.getByTestId('coaching-defects').waitFor();
    expect(await page.getByTestId('coaching-defects').innerText()).toContain('开头没有问候');
    expect(await page.getByTestId('coaching-listen').first().getAttribute('href')).toMatch(/^\/recordings\/[0-9a-f-]{36}\?t=1$/);

    // What should the agent have said? The lead looks it up in the FAQ beside the item, in Traditional.
    await page.getByTestId('faq-lookup').click();
    await page.getByTestId('faq-lookup-search').locator('input').fill('話費餘額');
    await page.getByTestId('faq-lookup-search').locator('input').press('Enter');
    await page.getByTestId('faq-lookup-result').filter({ hasText: '话费余额怎么查询？' }).waitFor();
    await page.getByTestId('faq-lookup-drawer').locator('.ant-drawer-close').click();
    await page.getByTestId('coaching-said').fill('一起复听了开头，问候语漏了');
    await page.getByTestId('coaching-commitment').fill('每通电话先问候再报工号');
    await page.getByTestId('coaching-record').click();
    await page.getByTestId('coaching-sessions').filter({ hasText: '每通电话先问候再报工号' }).waitFor();
    // The effect check starts: none of the agent's calls after today's one-to-one is evaluated yet.
    await page.getByTestId('coaching-check-progress').filter({ hasText: '辅导后已通过 0/3' }).waitFor();
    await page.getByTestId('coaching-acknowledge').click();
    await page.getByText('座席已确认：lead1').waitFor();
    await page.screenshot({ path: '/tmp/coaching-item.png', fullPage: true });
    const detail = (await call<{ status: string; sessions: unknown[]; acknowledgedBy: string }>(lead, 'GET', `/coaching-items/${mine.id}`)).body;
    expect(detail).toMatchObject({ status: 'coached', acknowledgedBy: 'lead1' });
    expect(detail.sessions).toHaveLength(1);

    // Each defect's link opens the player at its moment (GREETING at 1 s).
    await page.getByTestId('coaching-listen').first().click();
    await page.locator('[data-testid="call-player"][data-ready="true"]').waitFor();
    await page.locator('[data-testid="player-time"][data-current-time="1.0"]').waitFor();
    await context.close();
  }, 120_000);
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, DEMO_PASSWORD, launchBrowser, type RunningServer, signIn, startBuiltServer } from '../support/browser.js';

// Issue 12 "Reports" (seed 11.10): the supervisor publishes a monthly report; a team lead finds it on his home, opens it and it is marked read.
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

const newPage = async (): Promise<Page> => (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();

async function choose(page: Page, testId: string, label: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }).first().click();
}

describe('the analysis reports pages', () => {
  it('lets the supervisor publish a monthly report that the team lead then opens from the reports page, marked read', async () => {
    const supervisor = await newPage();
    await signIn(supervisor, server.baseUrl, 'supervisor', DEMO_PASSWORD);
    await supervisor.getByTestId('nav-analysis-reports').click();
    await choose(supervisor, 'report-generate-kind', '月报');
    await choose(supervisor, 'report-generate-project', '(CS)');
    await supervisor.getByTestId('report-generate-date').fill('2026-10-15');
    await supervisor.getByTestId('report-generate-submit').click();
    await supervisor.getByTestId('report-title').waitFor();
    expect(await supervisor.getByTestId('report-title').textContent()).toContain('2026-10-01 ~ 2026-10-31');
    const id = supervisor.url().split('/').pop()!;
    await supervisor.getByTestId('report-publish').click();
    await supervisor.getByTestId('report-publish-confirm').click();
    await supervisor.getByTestId('report-published').waitFor();

    const token = await apiLogin(server.baseUrl, 'lead1', DEMO_PASSWORD);
    expect((await apiCall<{ count: number }>(server.baseUrl, token, 'GET', '/analysis-reports/unread')).count).toBe(1);

    const lead = await newPage();
    await signIn(lead, server.baseUrl, 'lead1', DEMO_PASSWORD);
    // His home says a report waits for him, and leads to the reports.
    await lead.locator('[data-testid="home-reports-unread"][data-value="1"]').waitFor();
    await lead.getByTestId('home-reports-unread-link').click();
    const row = lead.getByTestId(`report-row-${id}`);
    await row.getByTestId('report-unread').waitFor();
    await row.getByTestId('report-open').click();
    await lead.getByTestId('report-published').waitFor();
    // The lead sees his own team's part only.
    const teams = await lead.getByTestId('report-teams').locator('tbody tr.ant-table-row').allTextContents();
    expect(teams).toHaveLength(1);
    expect(teams[0]).toContain('CS-1');
    expect(await lead.getByTestId('report-publish').count()).toBe(0);

    await lead.getByTestId('nav-analysis-reports').click();
    await lead.getByTestId(`report-row-${id}`).getByTestId('report-read').waitFor();
    expect((await apiCall<{ count: number }>(server.baseUrl, token, 'GET', '/analysis-reports/unread')).count).toBe(0);
    await lead.goto(server.baseUrl);
    await lead.locator('[data-testid="home-reports-unread"][data-value="0"]').waitFor();
    await lead.screenshot({ path: '/tmp/analysis-reports-lead.png' });
  });
});

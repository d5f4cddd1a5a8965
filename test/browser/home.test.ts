import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, apiCall, apiLogin, DEMO_PASSWORD, launchBrowser, type RunningServer, signIn, startBuiltServer, waitForDemoCentre } from '../support/browser.js';
import { waitFor } from '../support/wait-for.js';

/**
 * Issue 12, "Home pages that are worklists", in the browser: the inspector's home shows his queue
 * of today's work (yesterday's sampled calls) and the drafts he left open, each count the same as the
 * list its click opens; the team lead's home shows his open coaching items and the notice awaiting
 * his answer. Screenshots in Chinese go to /tmp/home-*.png.
 */

let server: RunningServer;
let browser: Browser;

const localDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));
const YESTERDAY = localDate(Date.now() - 86_400_000);

interface Queue {
  total: number;
  done: number;
  items: { recordingId: string; source: string; done: boolean }[];
}

async function newPage(): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return [context, await context.newPage()];
}

const valueOf = async (page: Page, testId: string) => {
  const figure = page.locator(`[data-testid="${testId}"]:not([data-value=""])`);
  await figure.waitFor();
  return figure.getAttribute('data-value');
};

beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '1' });
  browser = await launchBrowser();
  await waitForDemoCentre(server);
  // The demo's follow-up (evaluations of lead1's team, coaching items, a notice) comes after the sampling.
  const supervisor = await apiLogin(server.baseUrl, 'supervisor', DEMO_PASSWORD);
  await waitFor(async () => (await apiCall<{ total: number }>(server.baseUrl, supervisor, 'GET', '/rectification-notices')).total > 0, {
    timeoutMs: 120_000,
    intervalMs: 500,
    what: 'the demo follow-up (its rectification notice)',
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('home pages that are worklists', () => {
  it('shows an inspector today’s queue progress and his open drafts, and each click lands on the list of exactly those', async () => {
    const token = await apiLogin(server.baseUrl, 'inspector1', DEMO_PASSWORD);
    const queue = await apiCall<Queue>(server.baseUrl, token, 'GET', `/sampling/queue?date=${YESTERDAY}`);
    const open = queue.items.filter((i) => !i.done);
    expect(open.length).toBeGreaterThanOrEqual(2);
    // Two calls opened in the workspace and left as drafts.
    for (const item of open.slice(0, 2)) await apiCall(server.baseUrl, token, 'POST', '/evaluations/drafts', { recordingId: item.recordingId, source: item.source });

    const [context, page] = await newPage();
    await signIn(page, server.baseUrl, 'inspector1', DEMO_PASSWORD);
    await page.getByTestId('home-listening').waitFor();
    expect(await valueOf(page, 'home-queue-today')).toBe(`${queue.done} / ${queue.total}`);
    expect(await page.getByTestId('home-queue-today').innerText()).toContain(`今日任务：${YESTERDAY} 的抽检通话`);
    expect(await valueOf(page, 'home-drafts')).toBe('2');
    const everything = await apiCall<Queue>(server.baseUrl, token, 'GET', '/sampling/queue');
    expect(await valueOf(page, 'home-queue-open')).toBe(String(everything.total - everything.done));
    // An inspector leads no team and decides nothing: neither part is there.
    expect(await page.getByTestId('home-follow-up').count()).toBe(0);
    expect(await page.getByTestId('home-decisions').count()).toBe(0);
    await page.screenshot({ path: '/tmp/home-inspector.png', fullPage: true });

    // Today's work opens the queue of that day, with the same progress.
    await page.getByTestId('home-queue-today-link').click();
    await page.waitForURL((url) => url.pathname === '/queue' && url.searchParams.get('date') === YESTERDAY);
    const progress = page.locator(`[data-testid="queue-progress"][data-total="${queue.total}"]`);
    await progress.waitFor();
    expect(await progress.getAttribute('data-done')).toBe(String(queue.done));
    await page.locator('[data-testid="queue-row"]').first().waitFor();
    expect(await page.locator('[data-testid="queue-row"]').count()).toBe(queue.total);

    // The drafts open the evaluations list of his drafts: the same two, each to be carried on.
    await page.goBack();
    await page.getByTestId('home-drafts-link').click();
    await page.waitForURL((url) => url.pathname === '/evaluations' && url.searchParams.get('status') === 'draft');
    await page.getByTestId('evaluations-drafts').waitFor();
    await page.locator('[data-testid="evaluation-continue"]').nth(1).waitFor();
    expect(await page.locator('[data-testid="evaluation-continue"]').count()).toBe(2);
    const hrefs = await page.locator('[data-testid="evaluation-continue"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.map((h) => /\/evaluate\/([0-9a-f-]{36})/.exec(h ?? '')?.[1]).sort()).toEqual(
      open
        .slice(0, 2)
        .map((i) => i.recordingId)
        .sort(),
    );
    await page.screenshot({ path: '/tmp/home-inspector-drafts.png', fullPage: true });
    await context.close();
  }, 120_000);

  it('shows a team lead his open coaching items and the notice awaiting his answer, and opens the coaching list of exactly those', async () => {
    const token = await apiLogin(server.baseUrl, 'lead1', DEMO_PASSWORD);
    const items = await apiCall<{ total: number; items: { id: string; agent: string }[] }>(server.baseUrl, token, 'GET', '/coaching-items?status=open');
    expect(items.total).toBeGreaterThanOrEqual(2);
    const notices = await apiCall<{ total: number }>(server.baseUrl, token, 'GET', '/rectification-notices?status=issued');
    expect(notices.total).toBe(1);

    const [context, page] = await newPage();
    await signIn(page, server.baseUrl, 'lead1', DEMO_PASSWORD);
    await page.getByTestId('home-follow-up').waitFor();
    expect(await valueOf(page, 'home-coaching-open')).toBe(String(items.total));
    expect(await valueOf(page, 'home-notices-issued')).toBe('1');
    // The first few by name, each opening its item.
    await page.getByTestId('home-coaching-item').first().waitFor();
    expect(await page.getByTestId('home-coaching-item').count()).toBe(Math.min(5, items.total));
    expect(await page.getByTestId('home-coaching-item').first().innerText()).toContain(items.items[0].agent);
    expect(await page.getByTestId('home-listening').count()).toBe(0);
    await page.screenshot({ path: '/tmp/home-lead.png', fullPage: true });

    await page.getByTestId('home-coaching-open-link').click();
    await page.waitForURL((url) => url.pathname === '/coaching' && url.searchParams.get('status') === 'open');
    await page.getByTestId('coaching-open').first().waitFor();
    expect(await page.getByTestId('coaching-open').count()).toBe(Math.min(20, items.total));

    await page.goBack();
    await page.getByTestId('home-notices-issued-link').click();
    await page.waitForURL((url) => url.pathname === '/rectification-notices' && url.searchParams.get('status') === 'issued');
    await page.getByTestId('notice-open').first().waitFor();
    expect(await page.getByTestId('notice-open').count()).toBe(1);
    await context.close();
  }, 120_000);

  it('shows the supervisor each project’s headline of the month, as the dashboard has it, and what waits for his decision', async () => {
    const token = await apiLogin(server.baseUrl, 'supervisor', DEMO_PASSWORD);
    const [context, page] = await newPage();
    await signIn(page, server.baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.getByTestId('home-decisions').waitFor();
    const month = /^(\d{4}-\d{2})/.exec(localDate(Date.now()))![1];
    const [year, mon] = month.split('-').map(Number);
    const last = new Date(Date.UTC(year, mon, 0)).toISOString().slice(0, 10);
    const summary = await apiCall<{ evaluations: number }>(server.baseUrl, token, 'GET', `/reports/summary?project=CS&from=${month}-01&to=${last}`);
    expect(await valueOf(page, 'home-summary-CS-evaluations')).toBe(String(summary.evaluations));
    const pending = await apiCall<{ total: number }>(server.baseUrl, token, 'GET', '/exports?status=pending');
    expect(await valueOf(page, 'home-exports-pending')).toBe(String(pending.total));
    expect(await valueOf(page, 'home-notices-escalated')).toBe('0');
    await page.screenshot({ path: '/tmp/home-supervisor.png', fullPage: true });
    // The headline opens the dashboard of that project, showing the same figure.
    await page.getByTestId('home-summary-CS-link').click();
    await page.waitForURL((url) => url.pathname === '/dashboard' && url.searchParams.get('project') === 'CS');
    expect(await valueOf(page, 'dashboard-evaluations')).toBe(String(summary.evaluations));
    await context.close();
  }, 120_000);

  it('shows a user who both listens and leads a team each role’s part', async () => {
    const admin = await apiLogin(server.baseUrl, 'admin', ADMIN_PASSWORD);
    await apiCall(server.baseUrl, admin, 'POST', '/users', {
      username: 'both1',
      password: 'both-pass-1234',
      displayName: '双角色',
      roles: ['inspector', 'team_lead'],
      projects: ['CS'],
      teams: ['CS-1'],
    });
    const token = await apiLogin(server.baseUrl, 'both1', 'both-pass-1234');
    const coaching = await apiCall<{ total: number }>(server.baseUrl, token, 'GET', '/coaching-items?status=open');
    const [context, page] = await newPage();
    await signIn(page, server.baseUrl, 'both1', 'both-pass-1234');
    await page.getByTestId('home-listening').waitFor();
    await page.getByTestId('home-follow-up').waitFor();
    expect(await valueOf(page, 'home-drafts')).toBe('0');
    expect(await valueOf(page, 'home-queue-today')).toBe('0 / 0');
    expect(await valueOf(page, 'home-coaching-open')).toBe(String(coaching.total));
    expect(await page.getByTestId('home-decisions').count()).toBe(0);
    await page.screenshot({ path: '/tmp/home-both.png', fullPage: true });
    await context.close();
  }, 120_000);
  it('shows the FAQ maintainer his inbox, the entries in review and his drafts, each count the list its click opens', async () => {
    const token = await apiLogin(server.baseUrl, 'faq', DEMO_PASSWORD);
    const inbox = await apiCall<{ groups: { proposals: unknown[] }[] }>(server.baseUrl, token, 'GET', '/faq-proposals?status=pending');
    const proposals = inbox.groups.reduce((sum, group) => sum + group.proposals.length, 0);
    expect(proposals).toBeGreaterThan(0);
    const inReview = await apiCall<{ total: number }>(server.baseUrl, token, 'GET', '/faq?status=in_review&page=1&pageSize=20');
    const drafts = await apiCall<{ total: number }>(server.baseUrl, token, 'GET', '/faq?status=draft&page=1&pageSize=20');
    const [context, page] = await newPage();
    await signIn(page, server.baseUrl, 'faq', DEMO_PASSWORD);
    await page.getByTestId('home-faq-work').waitFor();
    expect(await valueOf(page, 'home-faq-proposals')).toBe(String(proposals));
    expect(await valueOf(page, 'home-faq-suggestions')).toBe(String((inbox as unknown as { suggestions: unknown[] }).suggestions.length));
    expect(await valueOf(page, 'home-faq-review')).toBe(String(inReview.total));
    expect(await valueOf(page, 'home-faq-drafts')).toBe(String(drafts.total));
    expect(await page.getByTestId('home-decisions').count()).toBe(0);
    await page.screenshot({ path: '/tmp/home-faq.png', fullPage: true });
    await page.getByTestId('home-faq-proposals-link').click();
    await page.waitForURL((url) => url.pathname === '/faq/inbox');
    await page.getByTestId('faq-proposal').first().waitFor();
    expect(await page.getByTestId('faq-proposal').count()).toBe(proposals);
    await page.goBack();
    await page.getByTestId('home-faq-drafts-link').click();
    await page.waitForURL((url) => url.pathname === '/faq' && url.searchParams.get('status') === 'draft');
    await page.getByTestId('faq-total').waitFor();
    expect(await page.getByTestId('faq-total').textContent()).toContain(String(drafts.total));
    await context.close();
  }, 120_000);
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, signIn, startBuiltServer, waitForDemoCentre } from '../support/browser.js';

/**
 * Issue "Daily sampling and the inspector's queue", in the browser: a supervisor samples yesterday
 * for project CS on /sampling, the inspector sees the calls with their reasons on /queue, opens the
 * next one in the scoring workspace, scores it, goes on to the next, and the queue shows 1 of N.
 */

let server: RunningServer;
let browser: Browser;

const SHOTS = '/tmp';
const localDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(ms));
const TODAY = localDate(Date.now());
const YESTERDAY = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function apiGet<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${server.baseUrl}/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function newPage(): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return [context, await context.newPage()];
}

/** Picks an option of an antd Select by its visible label. */
async function choose(page: Page, testId: string, label: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: label }).first().click();
}

const progressOf = async (page: Page) => {
  const progress = page.getByTestId('queue-progress');
  return { done: Number(await progress.getAttribute('data-done')), total: Number(await progress.getAttribute('data-total')), text: await progress.innerText() };
};

const evaluateId = (url: string) => /\/evaluate\/([0-9a-f-]{36})/.exec(new URL(url).pathname)?.[1];

beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '1' });
  browser = await launchBrowser();
  await waitForDemoCentre(server);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** How many calls the daily sampling of yesterday gave project CS (the demo centre sampled it at start). */
async function sampledForCs(inspector?: string): Promise<number> {
  const supervisor = await login('supervisor', 'demo1234');
  const { assignments } = await apiGet<{ assignments: { inspector: string }[] }>(supervisor, `/sampling/runs/CS?date=${YESTERDAY}`);
  return assignments.filter((a) => !inspector || a.inspector === inspector).length;
}

describe('daily sampling and the inspector’s queue', () => {
  it('a supervisor samples yesterday for CS on /sampling and sees the calls spread over the inspectors', async () => {
    const [context, page] = await newPage();
    await signIn(page, server.baseUrl, 'supervisor', 'demo1234');
    await page.getByTestId('nav-sampling').click();
    await page.waitForURL(/\/sampling/);
    await choose(page, 'sampling-project', '(CS)');
    const date = page.locator('#sampling-date');
    await date.click();
    await date.fill(YESTERDAY);
    await date.press('Enter');
    expect(await date.inputValue()).toBe(YESTERDAY);
    await page.getByTestId('sampling-run-button').click();
    // 201 (new) or 200 if the schedule got there first: either way the page says which.
    await page
      .locator('.ant-message-notice')
      .filter({ hasText: /抽样完成|该日已抽样，显示原结果/ })
      .first()
      .waitFor();
    await page.getByTestId('sampling-row').first().waitFor();
    const sampled = await sampledForCs();
    expect(sampled).toBeGreaterThan(0);
    expect(await page.getByTestId('sampling-row').count()).toBe(Math.min(sampled, 50));
    const body = await page.locator('body').innerText();
    expect(body).toContain('各质检员的工作量');
    expect(body).toMatch(/随机抽取/);
    expect(await page.getByTestId('sampling-inspector-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/queue-test-sampling.png`, fullPage: true });

    // Asking again says so and shows the same run.
    await page.getByTestId('sampling-run-button').click();
    await page.locator('.ant-message-notice').filter({ hasText: '该日已抽样，显示原结果' }).last().waitFor();
    expect(await page.getByTestId('sampling-row').count()).toBe(Math.min(sampled, 50));

    // The plan says when a change applies, and the confidence table warns about thin samples.
    await page.getByRole('tab', { name: '抽样方案' }).click();
    await page.getByTestId('plan-form').waitFor();
    expect(await page.getByTestId('plan-effective').innerText()).toContain('从明天起生效');
    const calls = page.locator('#plan-callsPerAgent');
    await calls.fill('3');
    await page.getByTestId('plan-save').click();
    await page
      .getByTestId('plan-effective')
      .filter({ hasText: `已保存的新方案将于 ${TOMORROW} 起生效` })
      .waitFor();
    // The demo centre's plan draws 1 call per agent a day (a demo agent takes only 3).
    expect(await page.getByTestId('plan-form').innerText()).toContain('今天仍按：1');
    await page.screenshot({ path: `${SHOTS}/queue-test-plan.png`, fullPage: true });
    await page.getByRole('tab', { name: '评分置信度' }).click();
    await page.getByTestId('confidence-row').first().waitFor();
    expect(await page.getByTestId('confidence-too-wide').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('confidence').innerText()).toContain('样本不足，不宜评级');
    await page.screenshot({ path: `${SHOTS}/queue-test-confidence.png`, fullPage: true });
    await context.close();
  }, 120_000);

  it('the inspector sees his calls with their reasons, opens the next, scores it and sees 1 of N done', async () => {
    const sampled = await sampledForCs('inspector1');
    expect(sampled).toBeGreaterThan(0);
    expect(sampled).toBeLessThan(await sampledForCs());
    const [context, page] = await newPage();
    await signIn(page, server.baseUrl, 'inspector1', 'demo1234');
    await page.getByTestId('nav-queue').click();
    await page.waitForURL(/\/queue/);
    await page.getByTestId('queue-row').first().waitFor();
    const rows = page.getByTestId('queue-row');
    // CS has two inspectors (inspector1, inspector3): his share of the run is his queue.
    const total = sampled;
    expect(await rows.count()).toBe(Math.min(total, 50));
    // The demo centre's follow-up has inspector1 score a few of these already (its coaching items come from them).
    const before = (await progressOf(page)).done;
    expect(before).toBeLessThan(total);
    expect(await progressOf(page)).toEqual({ done: before, total, text: expect.stringContaining(`已完成 ${before} / ${total}`) });
    const reasons = await page.getByTestId('reason-tag').evaluateAll((els) => els.map((e) => [e.getAttribute('data-reason'), e.textContent]));
    expect(reasons.length).toBe(Math.min(total, 50));
    expect(reasons.some(([reason, text]) => reason === 'random' && text === '随机抽取')).toBe(true);
    for (const [reason, text] of reasons) if (reason?.startsWith('failed:')) expect(text).toMatch(/^自动质检未通过：/);
    await page.screenshot({ path: `${SHOTS}/queue-test-queue.png`, fullPage: true });

    const first = await page.locator('[data-testid="queue-row"]:not([data-done="true"])').first().getAttribute('data-recording-id');
    await page.getByTestId('queue-next').click();
    await page.waitForURL(/\/evaluate\/[0-9a-f-]{36}/);
    const opened = evaluateId(page.url());
    expect(opened).toBe(first);
    expect(new URL(page.url()).searchParams.get('source')).toBe('daily');

    // The scoring workspace is another engineer's page: use it when it is there.
    const workspace = await Promise.race([
      page
        .getByTestId('workspace')
        .waitFor({ timeout: 30_000 })
        .then(() => true),
      page
        .getByTestId('not-found')
        .waitFor({ timeout: 30_000 })
        .then(() => false),
    ]).catch(() => false);
    await page.screenshot({ path: `${SHOTS}/queue-test-evaluate.png`, fullPage: true });

    if (workspace) {
      const items = (await page.locator('[data-testid^="item-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!))).filter((id) =>
        /^item-[A-Za-z0-9_]+$/.test(id),
      );
      expect(items.length).toBeGreaterThan(0);
      // Every item still open passes in one action (it asks first: the call was not listened to).
      await page.getByTestId('pass-rest').click();
      await page.getByTestId('pass-rest-ok').click();
      await expect.poll(() => page.getByTestId('scored-count').innerText(), { timeout: 15_000 }).toContain(`${items.length}/${items.length}`);
      await page.screenshot({ path: `${SHOTS}/queue-test-scored.png`, fullPage: true });
      // The question closes with an animation; until it has, its overlay would take the click.
      await page.getByTestId('pass-rest-confirm').waitFor({ state: 'hidden' });
      await page.getByTestId('submit-evaluation').click();
      await page.getByTestId('next-call').click();
      await page.waitForURL((url) => !!evaluateId(url.toString()) && evaluateId(url.toString()) !== opened);
    } else {
      // Without the workspace: score the call through the API as the workspace would, then go on with N.
      console.warn('queue.test: /evaluate/:id has no scoring workspace yet; the call is scored through POST /api/evaluations');
      const token = await login('inspector1', 'demo1234');
      const active = await apiGet<{ sections: { items: { code: string }[] }[] }>(token, '/checklists/active');
      const res = await fetch(`${server.baseUrl}/api/evaluations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ recordingId: opened, source: 'daily', items: active.sections.flatMap((s) => s.items.map((i) => ({ code: i.code, verdict: 'pass' }))) }),
      });
      expect(res.status).toBe(201);
    }

    await page.goto(`${server.baseUrl}/queue`);
    await page.getByTestId('queue-row').first().waitFor();
    await expect.poll(async () => (await progressOf(page)).done, { timeout: 10_000 }).toBe(before + 1);
    expect(await progressOf(page)).toEqual({ done: before + 1, total, text: expect.stringContaining(`已完成 ${before + 1} / ${total}`) });
    expect(await page.locator(`[data-testid="queue-row"][data-recording-id="${opened}"]`).getAttribute('data-done')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/queue-test-after.png`, fullPage: true });

    // N on the queue opens the next unscored call, never the scored one.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await page.waitForURL(/\/evaluate\/[0-9a-f-]{36}/);
    expect(evaluateId(page.url())).not.toBe(opened);
    await context.close();
  }, 180_000);

  it('a team lead draws spot checks of his team for himself until nothing is left, and the dialog says so', async () => {
    const [context, page] = await newPage();
    await signIn(page, server.baseUrl, 'lead1', 'demo1234');
    await page.getByTestId('nav-queue').click();
    await page.waitForURL(/\/queue/);
    await page.getByTestId('queue-progress').waitFor();
    const spotChecks = page.locator('[data-testid="reason-tag"][data-reason="spot-check"]');
    const before = await spotChecks.count();
    const draw = async (count: number) => {
      await page.getByTestId('queue-spot-check').click();
      await page.getByTestId('spot-check-form').waitFor();
      expect(await page.locator('.ant-modal').innerText()).toContain('班长抽听');
      await page.locator('#spot-count').fill(String(count));
      await page.getByTestId('spot-check-submit').click();
    };
    // Yesterday's CS-1 calls not given to the daily sampling can be drawn: three join his queue.
    await draw(3);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="reason-tag"][data-reason="spot-check"]').length === n, before + 3);
    // Then the rest; once nothing is left, the dialog says so with the server's reason, by its code, in Chinese.
    await draw(20);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="reason-tag"][data-reason="spot-check"]').length > n, before + 3);
    // A call can be both in the daily sample and a spot check (issue 11, finding 8), so the team's day
    // may hold more than 23 calls to draw: draw until the server says nothing is left.
    const error = page.getByTestId('spot-check-error');
    for (let i = 0; i < 3; i++) {
      const drawn = await spotChecks.count();
      await draw(20);
      const outcome = await Promise.race([
        error.waitFor().then(
          () => 'nothing left',
          () => 'timeout',
        ),
        page
          .waitForFunction((n) => document.querySelectorAll('[data-testid="reason-tag"][data-reason="spot-check"]').length > n, drawn)
          .then(
            () => 'drawn',
            () => 'timeout',
          ),
      ]);
      if (outcome !== 'drawn') break;
    }
    await error.waitFor();
    expect(await error.innerText()).toContain('该日本班组已没有可抽取的通话');
    expect(await error.getAttribute('data-code')).toBe('NOTHING_TO_DRAW');
    expect(await error.innerText()).toMatch(/班组 CS-1 在 \d{4}-\d{2}-\d{2} 已没有可抽取的通话/);
    expect(await error.innerText()).not.toMatch(/[A-Za-z]{4,}/);
    await page.screenshot({ path: `${SHOTS}/queue-test-spot-check.png` });
    await context.close();
  }, 60_000);
});

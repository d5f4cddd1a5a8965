import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, apiLogin, DEMO_PASSWORD, launchBrowser, type RunningServer, signIn, startBuiltServer, waitForDemoCentre } from '../support/browser.js';

/**
 * Issue 14 in the browser, end to end: an inspector fails an item of a call in the scoring workspace
 * and proposes an FAQ entry from it; the FAQ maintainer accepts the proposal from the inbox, edits the
 * draft and publishes it; the inspector then finds it searching in Traditional characters.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '1' });
  browser = await launchBrowser();
  await waitForDemoCentre(server);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A call of project CS nobody has scored yet. */
async function unscoredCall(token: string): Promise<string> {
  const { items } = await apiCall<{ items: { id: string }[] }>(server.baseUrl, token, 'GET', '/recordings?project=CS&hasTranscript=true&pageSize=100');
  const scored = new Set(
    (await apiCall<{ items: { recordingId: string }[] }>(server.baseUrl, token, 'GET', '/evaluations?pageSize=500')).items.map((e) => e.recordingId),
  );
  const free = items.find((r) => !scored.has(r.id));
  if (!free) throw new Error('no unscored call of CS');
  return free.id;
}

async function signedIn(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, server.baseUrl, username, DEMO_PASSWORD);
  await page.getByTestId('nav-home').waitFor();
  return page;
}

describe('the FAQ fed by calls', () => {
  it('an inspector proposes from a defect, the maintainer accepts, edits and publishes, and a Traditional search finds it', async () => {
    const question = '携号转网需要满足什么条件';
    const inspectorToken = await apiLogin(server.baseUrl, 'inspector1', DEMO_PASSWORD);
    const recordingId = await unscoredCall(inspectorToken);

    // The inspector fails "professional knowledge" and proposes a new entry from it.
    const inspector = await signedIn('inspector1');
    await inspector.goto(`${server.baseUrl}/evaluate/${recordingId}`);
    await inspector.getByTestId('workspace').waitFor();
    // Before proposing, the inspector checks what the FAQ says beside the call (typed in Traditional).
    await inspector.getByTestId('faq-lookup').click();
    await inspector.getByTestId('faq-lookup-search').locator('input').fill('携號轉網');
    await inspector.getByTestId('faq-lookup-search').locator('input').press('Enter');
    await inspector.getByTestId('faq-lookup-result').filter({ hasText: '携号转网有什么条件？' }).waitFor();
    await inspector.getByTestId('faq-lookup-drawer').locator('.ant-drawer-close').click();
    await inspector.getByTestId('item-B3-fail').click();
    await inspector.getByTestId('item-B3-propose-faq').click();
    await inspector.getByTestId('propose-faq-question').fill(question);
    await inspector.getByTestId('propose-faq-answer').fill('在网满 120 天且无欠费即可办理。');
    await inspector.getByTestId('propose-faq-note').fill('坐席说不能转网');
    await inspector.getByTestId('propose-faq-submit').click();
    await inspector.getByTestId('propose-faq-question').waitFor({ state: 'detached' });
    const mine = await apiCall<{ question: string; recordingId: string; code: string }[]>(server.baseUrl, inspectorToken, 'GET', '/faq-proposals/mine');
    expect(mine.find((p) => p.question === question)).toMatchObject({ recordingId, code: 'B3' });

    // The FAQ maintainer accepts it from the inbox, edits the draft and publishes it.
    const maintainer = await signedIn('faq');
    await maintainer.getByTestId('nav-faq-inbox').click();
    const group = maintainer.getByTestId('faq-inbox-group').filter({ hasText: question });
    await group.waitFor();
    // He reads no recordings, yet hears a proposal's call through it, from the moment it was marked
    // (the demo's proposal, marked at a moment into its call).
    const demoQuestion = '5G 套餐可以降档吗？';
    const inbox = await apiCall<{ groups: { proposals: { question: string; at: number | null }[] }[] }>(
      server.baseUrl,
      await apiLogin(server.baseUrl, 'faq', DEMO_PASSWORD),
      'GET',
      '/faq-proposals',
    );
    const at = inbox.groups.flatMap((g) => g.proposals).find((p) => p.question === demoQuestion)!.at!;
    expect(at).toBeGreaterThan(1);
    const audio = maintainer.getByTestId('faq-inbox-group').filter({ hasText: demoQuestion }).getByTestId('faq-proposal-audio').first();
    const start = await audio.evaluate(
      (el: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          el.addEventListener('loadedmetadata', () => resolve(el.currentTime), { once: true });
          el.addEventListener('error', () => reject(new Error(`audio error ${el.error?.code}`)), { once: true });
          el.preload = 'metadata';
          el.load();
        }),
    );
    expect(start).toBeCloseTo(at, 0);
    await group.getByTestId('faq-proposal-accept').first().click();
    await maintainer.waitForURL(/\/faq\/entries\/[0-9a-f-]{36}$/);
    expect(await maintainer.getByTestId('faq-entry-question').innerText()).toBe(question);
    expect(await maintainer.getByTestId('faq-status').first().innerText()).toBe('草稿');
    await maintainer.getByTestId('faq-answer-input').fill('- 在网满 120 天\n- 无欠费、无合约限制\n\n**发送 CXXZ 到 10086** 查询资格。');
    await maintainer.getByTestId('faq-save').click();
    await maintainer.getByTestId('faq-publish').click();
    await maintainer.getByTestId('faq-step-reason').fill('质检发现坐席答错');
    await maintainer.getByTestId('faq-step-ok').click();
    await maintainer.getByTestId('faq-status').first().filter({ hasText: '已发布' }).waitFor();
    expect(await maintainer.getByTestId('faq-entry-version').innerText()).toBe('1');
    expect(await maintainer.getByTestId('faq-versions').innerText()).toContain('质检发现坐席答错');
    // Did it help? The item the call failed, before publishing and since, as the API counts it.
    const entryId = /\/faq\/entries\/([0-9a-f-]{36})$/.exec(maintainer.url())![1];
    const effect = await apiCall<{ items: { code: string; before: { calls: number; failures: number } }[] }>(
      server.baseUrl,
      await apiLogin(server.baseUrl, 'faq', DEMO_PASSWORD),
      'GET',
      `/faq/${entryId}/effect`,
    );
    expect(effect.items.map((i) => i.code)).toEqual(['B3']);
    await maintainer.getByTestId('faq-effect-verdict-B3').waitFor();
    const before = effect.items[0].before;
    expect(await maintainer.getByTestId('faq-effect').innerText()).toContain(before.calls ? `${before.failures}/${before.calls}` : '尚无评分');

    // The inspector searches in Traditional characters and finds the published answer.
    await inspector.getByTestId('nav-faq').click();
    await inspector.getByTestId('faq-search').locator('input').fill('攜號轉網需要滿足');
    await inspector.getByTestId('faq-search').locator('input').press('Enter');
    const result = inspector.getByTestId('faq-result').filter({ hasText: question });
    await result.waitFor();
    expect(await result.locator('mark').first().innerText()).toBe('携号转网需要满足');
    expect(await result.getByTestId('faq-answer').locator('li').allInnerTexts()).toEqual(['在网满 120 天', '无欠费、无合约限制']);
    expect(await result.getByTestId('faq-answer').locator('strong').innerText()).toBe('发送 CXXZ 到 10086');
  });
});

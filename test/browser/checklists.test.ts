import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, apiCall, apiLogin, launchBrowser, type RunningServer, signIn, startBuiltServer } from '../support/browser.js';

const PHRASE = '你自己看着办';
/** A project of this test's own with calls of the last days, for the dry run before publishing. */
const DRY_PROJECT = `DR${Date.now().toString(36).slice(-5).toUpperCase()}`;
const dryCalls: Record<string, string> = {};

async function dryRunFixtures(): Promise<void> {
  const admin = await apiLogin(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const team = `${DRY_PROJECT}T`;
  const agent = `${DRY_PROJECT}A`;
  await apiCall(server.baseUrl, admin, 'POST', '/projects', { code: DRY_PROJECT, name: '试运行项目' });
  await apiCall(server.baseUrl, admin, 'POST', '/teams', { code: team, name: '试运行班组', project: DRY_PROJECT });
  await apiCall(server.baseUrl, admin, 'POST', '/agents', { employeeNo: agent, name: '座席丙', team, hiredAt: '2024-03-01', grade: 'C' });
  const said = (name: string, sentence: string, hoursAgo: number) => {
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(toneWav(12))], { type: 'audio/wav' }), 'call.wav');
    const startedAt = new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    form.append('metadata', JSON.stringify({ externalId: `${DRY_PROJECT}-${name}`, agent, startedAt, direction: 'inbound' }));
    form.append('transcript', JSON.stringify({ segments: [{ speaker: 'agent', start: 0.5, end: 4, text: sentence }] }));
    return apiCall<{ id: string }>(server.baseUrl, admin, 'POST', '/recordings', form).then((r) => (dryCalls[name] = r.id));
  };
  await said('says-it', `您好，这个${PHRASE}吧`, 3);
  await said('polite', '您好，请稍等，谢谢', 2);
  await said('last-week', `您好，${PHRASE}`, 8 * 24);
}

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '0' });
  browser = await launchBrowser();
  await dryRunFixtures();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openChecklists(page: Page, username: string): Promise<void> {
  await signIn(page, server.baseUrl, username, 'demo1234');
  await page.getByTestId('nav-checklists').click();
  await page.getByTestId('checklist-active').waitFor();
}

describe('the checklist page', () => {
  it('lets a supervisor add a forbidden phrase in a draft and publish it as version 2', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await openChecklists(page, 'supervisor');
    expect(await page.getByTestId('checklist-version').textContent()).toBe('第 1 版');
    expect(await page.getByTestId('checklist-item-FORBIDDEN').innerText()).toContain('忌语：');

    await page.getByTestId('checklist-new-draft').click();
    const editor = page.getByTestId('checklist-editor');
    await editor.waitFor();
    expect(await page.getByTestId('checklist-tab-draft').textContent()).toContain('第 2 版');

    // Open the FORBIDDEN item and add the phrase in its tags input.
    await page.getByTestId('draft-item-FORBIDDEN').click();
    const item = page.getByTestId('draft-item-editor-FORBIDDEN');
    const phrases = item.getByTestId('rule-phrases');
    await phrases.locator('input').fill(PHRASE);
    await phrases.locator('input').press('Enter');
    await item.getByTitle(PHRASE).waitFor();
    // validateChecklist runs in the browser: an emptied title is named at its field and nothing is sent.
    const title = item.getByTestId('item-title');
    await title.fill('');
    const problems = page.getByTestId('checklist-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('FORBIDDEN › 检查项：不能为空');
    await title.fill('不得使用服务忌语');
    await problems.waitFor({ state: 'detached' });
    await page.getByTestId('checklist-note').fill('新增服务忌语「你自己看着办」');
    await page.getByTestId('checklist-unsaved').waitFor();
    await page.screenshot({ path: '/tmp/checklists-editor.png', fullPage: false });

    await page.getByTestId('checklist-save').click();
    await page.getByTestId('checklist-unsaved').waitFor({ state: 'detached' });

    // Before publishing: the dry run over this project's last 7 days shows the one call the phrase makes fail.
    await page.getByTestId('dry-run-project').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: DRY_PROJECT }).first().click();
    await page.getByTestId('dry-run-start').click();
    const summary = page.getByTestId('dry-run-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(`${DRY_PROJECT} 最近 7 天检查了 2 通通话，发布后 1 通的结论会改变`);
    expect(await page.getByTestId('dry-run-sample').count()).toBe(0);
    expect(await page.getByTestId('dry-run-FORBIDDEN-pass-to-fail').textContent()).toBe('1');
    expect(await page.getByTestId('dry-run-FORBIDDEN-fail-to-pass').textContent()).toBe('0');
    expect(await page.getByTestId('dry-run-GREETING-pass-to-fail').textContent()).toBe('0');
    expect(await page.getByTestId('dry-run-rule-FORBIDDEN').innerText()).toContain('已修改');
    const example = page.getByTestId('dry-run-FORBIDDEN-pass-to-fail-examples').getByTestId('dry-run-example');
    expect(await example.count()).toBe(1);
    expect(await example.getAttribute('href')).toBe(`/recordings/${dryCalls['says-it']}`);
    await page.getByTestId('dry-run').screenshot({ path: '/tmp/checklists-dry-run.png' });

    await page.getByTestId('checklist-publish').click();
    const dialog = page.getByTestId('checklist-publish-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('永远不再修改');
    expect(await dialog.innerText()).toContain('重新检查');
    await page.getByTestId('checklist-publish-confirm').click();

    await page.waitForFunction(() => document.querySelector('[data-testid="checklist-version"]')?.textContent === '第 2 版');
    await page.getByTestId('checklist-tab-draft').waitFor({ state: 'detached' });
    const forbidden = page.getByTestId('checklist-active').getByTestId('checklist-item-FORBIDDEN');
    expect(await forbidden.innerText()).toContain(PHRASE);
    // Drafting is offered again, for version 3.
    await page.getByTestId('checklist-new-draft').waitFor();
    await page.screenshot({ path: '/tmp/checklists-active.png', fullPage: true });

    // The server agrees: version 2 is active and carries the phrase.
    const token = await page.evaluate(() => localStorage.getItem('qa.token'));
    const active = await (await fetch(`${server.baseUrl}/api/checklists/active`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(active.version).toBe(2);
    const rule = active.sections
      .flatMap((s: { items: { code: string; rule?: { phrases: string[] } }[] }) => s.items)
      .find((i: { code: string }) => i.code === 'FORBIDDEN').rule;
    expect(rule.phrases).toContain(PHRASE);
    await context.close();
  });

  it('shows an inspector the active checklist read-only', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    await openChecklists(page, 'inspector1');
    await page.getByTestId('checklist-read-only').waitFor();
    // The version active when this test runs, before or after the supervisor's above: the server's.
    const token = await page.evaluate(() => localStorage.getItem('qa.token'));
    const active = await (await fetch(`${server.baseUrl}/api/checklists/active`, { headers: { Authorization: `Bearer ${token}` } })).json();
    expect(await page.getByTestId('checklist-version').textContent()).toBe(`第 ${active.version} 版`);
    const phrases: string[] = active.sections
      .flatMap((s: { items: { code: string; rule?: { phrases: string[] } }[] }) => s.items)
      .find((i: { code: string }) => i.code === 'FORBIDDEN').rule.phrases;
    expect(phrases.length).toBeGreaterThan(0);
    const forbidden = await page.getByTestId('checklist-item-FORBIDDEN').innerText();
    for (const phrase of phrases) expect(forbidden).toContain(phrase);
    expect(await page.getByTestId('checklist-new-draft').count()).toBe(0);
    expect(await page.getByTestId('checklist-open-draft').count()).toBe(0);
    expect(await page.getByTestId('checklist-editor').count()).toBe(0);
    await page.screenshot({ path: '/tmp/checklists-inspector.png', fullPage: false });
    await context.close();
  });
});

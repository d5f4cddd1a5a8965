import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, apiCall, apiLogin, launchBrowser, type RunningServer, signIn, startBuiltServer } from '../support/browser.js';

/**
 * Issue 17 "Evidence people trust", in the scoring workspace: hovering the machine's verdict says
 * what was said and how it matched (a homophone of a forbidden phrase, with the phrase beside it),
 * and a greeting said after its window says "too late" with its time, the time taking the player
 * to where it was said.
 */

let server: RunningServer;
let browser: Browser;
const suffix = Date.now().toString(36).slice(-5).toUpperCase();
const inspector = `ev${suffix}`.toLowerCase();
let recordingId: string;

beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '0' });
  browser = await launchBrowser();
  const admin = await apiLogin(server.baseUrl, 'admin', ADMIN_PASSWORD);
  const call = <T>(method: string, path: string, body?: unknown) => apiCall<T>(server.baseUrl, admin, method, path, body);
  const [project, team, agent] = [`PE${suffix}`, `TE${suffix}`, `EE${suffix}`];
  await call('POST', '/projects', { code: project, name: '依据项目' });
  await call('POST', '/teams', { code: team, name: '依据班组', project });
  await call('POST', '/agents', { employeeNo: agent, name: '座席丁', team, hiredAt: '2024-03-01', grade: 'C' });
  await call('POST', '/users', { username: inspector, password: 'secret-pass-1', displayName: inspector, roles: ['inspector'], projects: [project] });
  const form = new FormData();
  form.append('audio', new Blob([new Uint8Array(toneWav(40))], { type: 'audio/wav' }), 'call.wav');
  form.append('metadata', JSON.stringify({ externalId: `ev-${suffix}`, agent, startedAt: new Date(Date.now() - 3_600_000).toISOString(), direction: 'inbound' }));
  form.append(
    'transcript',
    JSON.stringify({
      segments: [
        { speaker: 'agent', start: 0.5, end: 3, text: '喂，请问有什么事' },
        { speaker: 'customer', start: 3.5, end: 6, text: '我想查一下话费' },
        // The greeting, at 20 s: after the first 15 s. 我不清除: a speech-recognition homophone of 我不清楚.
        { speaker: 'agent', start: 20, end: 24, text: '您好，这个我不清除，谢谢' },
        { speaker: 'agent', start: 36, end: 39, text: '再见' },
      ],
    }),
  );
  recordingId = (await call<{ id: string }>('POST', '/recordings', form)).id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Hovers an element and answers the text of the tooltip that opens. */
async function tooltipOf(page: Page, testId: string, inside: string): Promise<string> {
  await page.getByTestId(testId).hover();
  const tip = page.getByTestId(inside);
  await tip.waitFor();
  return tip.innerText();
}

describe('evidence in the scoring workspace', () => {
  it('says how each verdict matched on hover, and that the greeting came too late, pointing at where it was said', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, inspector, 'secret-pass-1');
    await page.getByTestId('nav-home').waitFor();
    await page.goto(`${server.baseUrl}/evaluate/${recordingId}`);
    await page.getByTestId('workspace').waitFor();
    await page.locator('[data-testid="call-player"][data-ready="true"]').waitFor();

    // The forbidden phrase heard as a homophone: the how and the canonical phrase beside what was said.
    await page.locator('[data-testid="item-FORBIDDEN-auto"][data-auto="fail"]').waitFor();
    const how = await tooltipOf(page, 'item-FORBIDDEN-auto', 'item-FORBIDDEN-auto-how');
    expect(how).toContain('依据：我不清除');
    expect(how).toContain('同音字命中；标准话术：我不清楚');
    expect(await page.getByTestId('item-FORBIDDEN-auto-outside').count()).toBe(0);

    // The greeting said at 20 s, after its window: "too late", on the tag and on hover.
    const greeting = page.getByTestId('item-GREETING-auto');
    expect(await greeting.getAttribute('data-auto')).toBe('fail');
    expect(await greeting.innerText()).toContain('00:20');
    expect(await greeting.innerText()).toContain('太晚');
    await page.mouse.move(0, 0);
    const late = await tooltipOf(page, 'item-GREETING-auto', 'item-GREETING-auto-outside');
    expect(late).toBe('说得太晚：00:20 才说，规定在开头 15 秒内');
    expect(await page.getByTestId('item-GREETING-auto-outside').getAttribute('data-outside')).toBe('late');
    await page.screenshot({ path: '/tmp/workspace-evidence-late.png' });

    // The closing, said in its window, is no pointer at all.
    expect(await page.getByTestId('item-CLOSING-auto').getAttribute('data-auto')).toBe('pass');
    expect(await page.getByTestId('item-CLOSING-auto').innerText()).not.toContain('太早');

    // Clicking the greeting's time takes the player to where it was said.
    await greeting.click();
    await page.waitForFunction(() => Math.abs(Number(document.querySelector('[data-testid="player-time"]')?.getAttribute('data-current-time')) - 20) < 0.3);
    await context.close();
  });
});

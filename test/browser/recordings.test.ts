import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, launchBrowser, type RunningServer, signIn, startBuiltServer } from '../support/browser.js';
import { waitFor } from '../support/wait-for.js';

/** The demo's repeated complainant (server/src/demo/demo-calls.service.ts). */
const COMPLAINT_NUMBER = '13800138000';
const SCREENSHOTS = '/tmp';

let server: RunningServer;
let browser: Browser;

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The demo calls are ingested in the background after start: wait until the complainant's call is in. */
async function waitForComplaintCall(token: string): Promise<{ id: string; externalId: string }> {
  return waitFor(
    async () => {
      const res = await fetch(`${server.baseUrl}/api/recordings?customerNumber=${COMPLAINT_NUMBER}`, { headers: { Authorization: `Bearer ${token}` } });
      return res.ok && ((await res.json()) as { items: { id: string; externalId: string }[] }).items[0];
    },
    { timeoutMs: 90_000, intervalMs: 500, what: 'the demo call of the complainant' },
  );
}

const currentTime = async (page: Page) => Number(await page.getByTestId('player-time').getAttribute('data-current-time'));

let call: { id: string; externalId: string };

beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '1' });
  browser = await launchBrowser();
  call = await waitForComplaintCall(await login('admin', ADMIN_PASSWORD));
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('recordings: find a complaint call, listen to it, and see who listened', () => {
  it('a supervisor finds the call by customer number, plays it, jumps by the transcript, and the playback is logged', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await signIn(page, server.baseUrl, 'supervisor', 'demo1234');
    await page.getByTestId('nav-recordings').click();
    await page.getByTestId('recordings-table').waitFor();

    // The complaint: search by the caller's number (exact); the supervisor sees it unmasked.
    const search = page.getByTestId('search-customer');
    await search.fill(COMPLAINT_NUMBER);
    await search.press('Enter');
    await page.waitForURL(/customerNumber=13800138000/);
    const rows = page.locator(`[data-testid="recording-row"][data-id="${call.id}"]`);
    await rows.waitFor();
    await expect.poll(() => page.getByTestId('recording-row').count()).toBe(1);
    expect(await rows.innerText()).toContain(COMPLAINT_NUMBER);
    await page.screenshot({ path: `${SCREENSHOTS}/recordings-list.png`, fullPage: true });

    // Open it: metadata, the waveform drawn from the peaks, the transcript.
    await rows.getByTestId('recording-link').click();
    await page.waitForURL(new RegExp(`/recordings/${call.id}$`));
    await page.locator('[data-testid="call-player"][data-ready="true"]').waitFor();
    expect(await page.getByTestId('recording-meta').innerText()).toContain(call.externalId);
    // wavesurfer renders into a shadow root; Playwright's CSS selectors pierce it.
    await page.locator('[data-testid="player-waveform"] canvas').first().waitFor({ state: 'attached' });
    expect(await page.locator('[data-testid="player-waveform"] canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('transcript-line').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByTestId('autocheck-item').count()).toBeGreaterThan(0);

    // Play: the position moves.
    expect(await currentTime(page)).toBe(0);
    await page.getByTestId('player-play').click();
    await expect.poll(() => currentTime(page), { timeout: 15_000 }).toBeGreaterThan(0.5);
    await expect.poll(() => page.getByTestId('call-player').getAttribute('data-playing')).toBe('true');

    // The third line of the transcript: the player jumps to its start and it becomes the current line.
    const third = page.getByTestId('transcript-line').nth(2);
    const start = Number(await third.getAttribute('data-start'));
    await third.click();
    await expect.poll(() => third.getAttribute('data-current')).toBe('true');
    const afterJump = await currentTime(page);
    expect(afterJump).toBeGreaterThanOrEqual(start - 0.1);
    expect(afterJump).toBeLessThan(start + 3);
    expect(await page.locator('[data-testid="transcript-line"][data-current="true"]').count()).toBe(1);
    const [mm, ss] = [Math.floor(start / 60), Math.floor(start % 60)].map((n) => String(n).padStart(2, '0'));
    expect(await third.innerText()).toContain(`${mm}:${ss}`);

    // Keyboard: space pauses, → skips 5 s forward.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('call-player').getAttribute('data-playing')).toBe('false');
    const paused = await currentTime(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(Math.min(paused + 4.9, 1e9));

    // An automatic check's evidence takes the player to that moment.
    const evidence = page.getByTestId('autocheck-evidence').first();
    const evidenceStart = Number(await evidence.getAttribute('data-start'));
    await evidence.click();
    await expect.poll(() => currentTime(page)).toBeCloseTo(evidenceStart, 0);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(evidenceStart + 4.9);

    await page.screenshot({ path: `${SCREENSHOTS}/recordings-player.png`, fullPage: true });

    // The access log lists the playback: who, which call, played.
    await page.getByTestId('nav-access-log').click();
    await page.getByTestId('access-log-table').waitFor();
    const played = page.locator('[data-testid="access-log-row"][data-action="play"]', { hasText: call.externalId });
    await played.first().waitFor();
    const text = await played.first().innerText();
    expect(text).toContain('supervisor');
    expect(text).toContain('播放');
    // The picture once the menu's and the table's transitions have finished, not halfway through one
    // (endless animations, a spinner say, never finish and are not waited for).
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
    await page.screenshot({ path: `${SCREENSHOTS}/recordings-access-log.png`, fullPage: true });

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('shows a stereo call as an agent lane and a customer lane, agent first', async () => {
    const token = await login('supervisor', 'demo1234');
    const res = await fetch(`${server.baseUrl}/api/recordings?pageSize=100`, { headers: { Authorization: `Bearer ${token}` } });
    const { items } = (await res.json()) as { items: { id: string; channels: string }[] };
    const stereo = items.find((r) => r.channels !== 'mono');
    expect(stereo, 'the demo has stereo calls').toBeDefined();

    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'supervisor', 'demo1234');
    await page.getByTestId('nav-home').waitFor();
    await page.goto(`${server.baseUrl}/recordings/${stereo!.id}`);
    await page.locator('[data-testid="call-player"][data-ready="true"]').waitFor();
    const lanes = page.getByTestId('player-lane');
    expect(await lanes.count()).toBe(2);
    expect(await lanes.nth(0).getAttribute('data-speaker')).toBe('agent');
    expect(await lanes.nth(0).innerText()).toBe('座席');
    expect(await lanes.nth(1).innerText()).toBe('客户');
    await page.locator('[data-testid="player-waveform"] canvas').first().waitFor({ state: 'attached' });
    await page.screenshot({ path: `${SCREENSHOTS}/recordings-player-stereo.png`, fullPage: true });
    await context.close();
  });

  it('shows the recordings pages only to the roles allowed', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'inspector1', 'demo1234');
    await page.getByTestId('nav-recordings').waitFor();
    expect(await page.getByTestId('nav-access-log').count()).toBe(0);
    await page.goto(`${server.baseUrl}/recordings/access-log`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  });

  it('says a call that does not exist is not found, in Chinese and with no retry, instead of crashing the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'supervisor', 'demo1234');
    await page.getByTestId('nav-recordings').waitFor();
    await page.goto(`${server.baseUrl}/recordings/00000000-0000-4000-8000-000000000000`);
    const error = page.getByTestId('load-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('NOT_FOUND');
    expect(await error.innerText()).toContain('找不到');
    expect(await error.getByRole('button').count()).toBe(0);
    await context.close();
  });
});

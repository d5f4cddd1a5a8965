import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningServer, signIn, startBuiltServer } from '../support/browser.js';

// Issue 11 "Exports need approval": the inspector asks, the supervisor approves, the inspector downloads once.
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

describe('the exports page', () => {
  it('takes an inspector’s request to the supervisor and gives the file once approved, once', async () => {
    const inspector = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true })).newPage();
    await signIn(inspector, server.baseUrl, 'inspector1', 'demo1234');
    await inspector.getByTestId('nav-exports').click();
    await inspector.getByTestId('export-from').fill('2026-11-01');
    await inspector.getByTestId('export-to').fill('2026-11-30');
    await inspector.getByTestId('export-purpose').fill('月度质检分析');
    await inspector.getByTestId('export-request').click();
    const status = inspector.locator('[data-testid^="export-status-"]').first();
    await status.waitFor();
    expect(await status.textContent()).toBe('待审批');
    const id = (await status.getAttribute('data-testid'))!.replace('export-status-', '');

    const supervisor = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signIn(supervisor, server.baseUrl, 'supervisor', 'demo1234');
    await supervisor.getByTestId('nav-exports').click();
    await supervisor.getByTestId(`export-approve-${id}`).click();
    await supervisor.getByTestId(`export-approve-${id}`).waitFor({ state: 'detached' });

    await inspector.reload();
    const download = inspector.waitForEvent('download');
    await inspector.getByTestId(`export-download-${id}`).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await inspector.getByTestId(`export-download-${id}`).waitFor({ state: 'detached' });
    expect(await inspector.getByTestId(`export-status-${id}`).textContent()).toBe('已下载');
    await inspector.screenshot({ path: '/tmp/exports-page.png' });
  });
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, apiCall, apiLogin, DEMO_PASSWORD, launchBrowser, signIn, startBuiltServer, type RunningServer } from '../support/browser.js';

/**
 * Issue 12's first slice, in the browser: the supervisor opens /dashboard for a project and a month and
 * reads the same figures `GET /api/reports/summary` gives other systems, the defect Pareto, and the
 * machine's checks next to the sampled evaluations; the evaluations figure opens the list behind it.
 */

let server: RunningServer;
let browser: Browser;
const DAY = '2026-10-14';
let seq = 0;

const call = <T>(token: string | null, method: string, path: string, body?: unknown) => apiCall<T>(server.baseUrl, token, method, path, body);
const login = (username: string, password: string) => apiLogin(server.baseUrl, username, password);

beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '1' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the quality dashboard', () => {
  it('shows the supervisor the summary’s figures for a month, the defect Pareto and machine vs people, and opens the evaluations behind them', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const project = `DB${suffix}`;
    const team = `TD${suffix}`;
    await call(admin, 'POST', '/projects', { code: project, name: '看板项目' });
    await call(admin, 'POST', '/teams', { code: team, name: '看板班组', project });
    const agents = [`DA${suffix}`, `DB${suffix}`, `DC${suffix}`];
    for (const employeeNo of agents) await call(admin, 'POST', '/agents', { employeeNo, name: '座席', team, hiredAt: '2024-03-01', grade: 'C' });
    const active = await call<{ sections: { items: { code: string }[] }[] }>(admin, 'GET', '/checklists/active');
    // Two evaluations fail GREETING, one of them CLOSING too: GREETING leads the Pareto.
    const fails = [['GREETING', 'CLOSING'], ['GREETING'], []];
    for (const [i, agent] of agents.entries()) {
      const form = new FormData();
      form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
      form.append('metadata', JSON.stringify({ externalId: `db-${suffix}-${++seq}`, agent, startedAt: `${DAY}T10:00:00+08:00`, direction: 'inbound' }));
      const recording = await call<{ id: string }>(admin, 'POST', '/recordings', form);
      const items = active.sections.flatMap((s) => s.items.map((item) => ({ code: item.code, verdict: fails[i].includes(item.code) ? 'fail' : 'pass' })));
      await call(admin, 'POST', '/evaluations', { recordingId: recording.id, source: 'daily', items });
    }
    const summary = await call<{ evaluations: number; averageScore: number; fatalRate: number }>(
      admin,
      'GET',
      `/reports/summary?project=${project}&from=2026-10-01&to=2026-10-31`,
    );
    expect(summary.evaluations).toBe(3);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.getByTestId('nav-dashboard').waitFor();
    await page.goto(`${server.baseUrl}/dashboard?project=${project}&date=${DAY}`);
    const evaluations = page.getByTestId('dashboard-evaluations');
    await evaluations.waitFor();
    expect(await evaluations.getAttribute('data-value')).toBe('3');
    expect(Number(await page.getByTestId('dashboard-average').getAttribute('data-value'))).toBeCloseTo(summary.averageScore, 6);
    expect(await page.getByTestId('dashboard-fatal-rate').getAttribute('data-value')).toBe('0');
    expect(await page.getByTestId('defect-pareto').getAttribute('data-codes')).toBe('GREETING,CLOSING');
    expect(await page.getByTestId('dashboard-machine').innerText()).toContain('规则');
    // September had none of this project's evaluations: the count's change says +3, the mean has none to compare.
    expect(await evaluations.getByTestId('dashboard-change').innerText()).toBe('较上期 +3');
    expect(await page.getByTestId('dashboard-average').getByTestId('dashboard-change').count()).toBe(0);
    await page.screenshot({ path: '/tmp/dashboard.png', fullPage: true });

    await evaluations.click();
    await page.waitForURL(/\/evaluations\?/);
    const url = new URL(page.url());
    expect([url.searchParams.get('from'), url.searchParams.get('to'), url.searchParams.get('project')]).toEqual(['2026-10-01', '2026-10-31', project]);
    // The list behind the figure has exactly as many rows as the figure says.
    await page.getByText('共 3 条').waitFor();
    await context.close();
  }, 120_000);
});

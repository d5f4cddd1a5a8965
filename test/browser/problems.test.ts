import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, apiCall, apiLogin, launchBrowser, signIn, startBuiltServer, type RunningServer } from '../support/browser.js';

/**
 * Issue 10 "Common and individual problems", in the browser: two agents of a team fail the same item,
 * the team lead opens /problems, sees it as a common problem of his team and writes its improvement plan.
 */

let server: RunningServer;
let browser: Browser;
const DAY = '2026-11-20';
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

describe('common and individual problems', () => {
  it('a team lead sees his team’s common problem and writes its improvement plan', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const project = `PB${suffix}`;
    const team = `TB${suffix}`;
    await call(admin, 'POST', '/projects', { code: project, name: '问题项目' });
    await call(admin, 'POST', '/teams', { code: team, name: '问题班组', project });
    const agents = [`EA${suffix}`, `EB${suffix}`];
    for (const employeeNo of agents) await call(admin, 'POST', '/agents', { employeeNo, name: '座席', team, hiredAt: '2024-03-01', grade: 'C' });
    await call(admin, 'POST', '/users', {
      username: `insp${suffix}`.toLowerCase(),
      password: 'secret-pass-1',
      displayName: '质检员',
      roles: ['inspector'],
      projects: [project],
    });
    await call(admin, 'POST', '/users', { username: `lead${suffix}`.toLowerCase(), password: 'secret-pass-1', displayName: '班长', roles: ['team_lead'], teams: [team] });
    const inspector = await login(`insp${suffix}`.toLowerCase(), 'secret-pass-1');
    const active = await call<{ sections: { items: { code: string }[] }[] }>(admin, 'GET', '/checklists/active');
    const items = active.sections.flatMap((s) => s.items.map((i) => ({ code: i.code, verdict: i.code === 'GREETING' ? 'fail' : 'pass' })));
    for (const agent of agents) {
      const form = new FormData();
      form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
      form.append('metadata', JSON.stringify({ externalId: `pb-${suffix}-${++seq}`, agent, startedAt: `${DAY}T10:00:00+08:00`, direction: 'inbound' }));
      const recording = await call<{ id: string }>(admin, 'POST', '/recordings', form);
      await call(inspector, 'POST', '/evaluations', { recordingId: recording.id, source: 'daily', items });
    }

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, `lead${suffix}`.toLowerCase(), 'secret-pass-1');
    await page.getByTestId('nav-problems').waitFor();
    await page.goto(`${server.baseUrl}/problems?project=${project}&date=${DAY}`);
    const card = page.getByTestId(`problems-team-${team}`);
    await card.waitFor();
    await expect.poll(() => card.innerText()).toContain('GREETING');
    expect(await card.innerText()).toContain('2 / 2');

    await page.getByTestId(`plan-edit-${team}-GREETING`).click();
    await page.getByTestId('plan-text').fill('班前会逐一演练开场问候');
    await page.getByTestId('plan-owner').fill('王班长');
    const due = page.locator('#due');
    await due.click();
    await due.fill('2026-11-30');
    await due.press('Enter');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    const plan = page.getByTestId(`plan-${team}-GREETING`);
    await plan.waitFor();
    expect(await plan.innerText()).toContain('班前会逐一演练开场问候');
    expect(await plan.innerText()).toContain('王班长');
    await context.close();
  }, 120_000);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, apiCall, apiLogin, launchBrowser, signIn, startBuiltServer, type RunningServer } from '../support/browser.js';

/**
 * Issue 10 "Rectification notices", in the browser: two agents of a team fail the same item; an
 * inspector issues a notice from that common problem on /problems, picking the evidence, and opens its
 * PDF; the team lead, signed in in another browser context, acknowledges it with his action plan.
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

describe('rectification notices', () => {
  it('an inspector issues a notice from the problems page and opens its PDF; the team lead acknowledges it with his plan', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const project = `PR${suffix}`;
    const team = `TR${suffix}`;
    const inspectorName = `insp${suffix}`.toLowerCase();
    const leadName = `lead${suffix}`.toLowerCase();
    await call(admin, 'POST', '/projects', { code: project, name: '整改项目' });
    await call(admin, 'POST', '/teams', { code: team, name: '整改班组', project });
    const agents = [`RA${suffix}`, `RB${suffix}`];
    for (const employeeNo of agents) await call(admin, 'POST', '/agents', { employeeNo, name: '座席', team, hiredAt: '2024-03-01', grade: 'C' });
    await call(admin, 'POST', '/users', { username: inspectorName, password: 'secret-pass-1', displayName: '质检员', roles: ['inspector'], projects: [project] });
    await call(admin, 'POST', '/users', { username: leadName, password: 'secret-pass-1', displayName: '班长', roles: ['team_lead'], teams: [team] });
    const inspector = await login(inspectorName, 'secret-pass-1');
    const active = await call<{ sections: { items: { code: string }[] }[] }>(admin, 'GET', '/checklists/active');
    const items = active.sections.flatMap((s) =>
      s.items.map((i) => (i.code === 'GREETING' ? { code: i.code, verdict: 'fail', comment: '开头没有问候', at: 1.5 } : { code: i.code, verdict: 'pass' })),
    );
    const evidence: string[] = [];
    for (const agent of agents) {
      const form = new FormData();
      form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
      form.append('metadata', JSON.stringify({ externalId: `rn-${suffix}-${++seq}`, agent, startedAt: `${DAY}T10:00:00+08:00`, direction: 'inbound' }));
      const recording = await call<{ id: string }>(admin, 'POST', '/recordings', form);
      evidence.push((await call<{ id: string }>(inspector, 'POST', '/evaluations', { recordingId: recording.id, source: 'daily', items })).id);
    }

    // The inspector: the common problem's row → the issue page with team and item preselected.
    const inspectorContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await inspectorContext.newPage();
    await signIn(page, server.baseUrl, inspectorName, 'secret-pass-1');
    await page.getByTestId('nav-rectification').waitFor();
    await page.goto(`${server.baseUrl}/problems?project=${project}&date=${DAY}`);
    await page.getByTestId(`issue-notice-${team}-GREETING`).click();
    await page.waitForURL(/\/rectification-notices\/new\?/);
    for (const id of evidence) await page.getByTestId(`evidence-row-${id}`).waitFor();
    expect(await page.getByTestId(`evidence-row-${evidence[0]}`).innerText()).toContain('开头没有问候');
    for (const id of evidence) await page.getByTestId(`evidence-row-${id}`).locator('.ant-checkbox-input').check();
    await expect.poll(() => page.getByTestId('issue-evidence-picked').innerText()).toContain('2');
    await page.getByTestId('issue-actions').fill('全组复训开场问候语，班长每日抽听三通');
    await page.getByTestId('issue-submit').click();
    await page.waitForURL(/\/rectification-notices\/[0-9a-f-]{36}$/);
    const noticeId = page.url().split('/').pop()!;
    await page.getByTestId('notice-status').waitFor();
    expect(await page.getByTestId('notice-status').getAttribute('data-status')).toBe('issued');
    expect(await page.getByTestId('notice-actions').innerText()).toContain('全组复训开场问候语');
    await page.getByTestId(`notice-verdict-GREETING`).waitFor();
    for (const id of evidence) await page.getByTestId(`evidence-row-${id}`).waitFor();
    const stored = await call<{ team: string; codes: string[]; evaluations: string[] }>(inspector, 'GET', `/rectification-notices/${noticeId}`);
    expect(stored).toMatchObject({ team, codes: ['GREETING'] });
    expect([...stored.evaluations].sort()).toEqual([...evidence].sort());

    // The PDF, fetched with the bearer token and opened in a new tab from an object URL.
    const [pdf, popup] = await Promise.all([
      page.waitForResponse((res) => res.url().endsWith(`/api/rectification-notices/${noticeId}/pdf`)),
      page.waitForEvent('popup'),
      page.getByTestId('notice-pdf').click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    await expect.poll(() => popup.url()).toMatch(/^blob:/);
    const opened = await page.evaluate(async (url) => {
      const blob = await (await fetch(url)).blob();
      return { type: blob.type, head: await blob.slice(0, 5).text(), size: blob.size };
    }, popup.url());
    expect(opened).toMatchObject({ type: 'application/pdf', head: '%PDF-' });
    expect(opened.size).toBeGreaterThan(1000);

    // The team lead, in another browser context, finds it in his list and acknowledges it with his plan.
    const leadContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const lead = await leadContext.newPage();
    await signIn(lead, server.baseUrl, leadName, 'secret-pass-1');
    await lead.getByTestId('nav-rectification').click();
    await lead.waitForURL(/\/rectification-notices$/);
    await lead.getByTestId(`notice-row-${noticeId}`).getByTestId('notice-open').click();
    await lead.waitForURL(new RegExp(`/rectification-notices/${noticeId}$`));
    expect(await lead.getByTestId('notice-step-close').count()).toBe(0); // no issuer's buttons for a team lead
    // The evidence opens each call at its defect's moment.
    await lead.getByTestId(`evidence-row-${evidence[0]}`).waitFor();
    expect(await lead.getByTestId(`evidence-row-${evidence[0]}`).getByTestId('evidence-listen').getAttribute('href')).toMatch(/^\/recordings\/[0-9a-f-]{36}\?t=1\.5$/);
    await lead.getByTestId('notice-plan').fill('每天班前会演练问候语，三天内逐一抽听');
    await lead.getByTestId('notice-acknowledge').click();
    await expect.poll(() => lead.getByTestId('notice-status').getAttribute('data-status')).toBe('acknowledged');
    expect(await lead.getByTestId('notice-action-plan').innerText()).toContain('每天班前会演练问候语');
    expect(await lead.getByTestId('notice-history').innerText()).toContain(leadName);
    expect((await call<{ status: string }>(inspector, 'GET', `/rectification-notices/${noticeId}`)).status).toBe('acknowledged');

    await leadContext.close();
    await inspectorContext.close();
  }, 180_000);
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, apiCall, apiLogin, launchBrowser, signIn, startBuiltServer, type RunningServer } from '../support/browser.js';

/**
 * Issue 13 "Quarterly KPI grading", in the browser: a supervisor uploads a CSV of operational figures on
 * /kpi and reads the quarter's review; the team lead applies for the agent's promotion there, and the
 * four named approvers, each signed in, approve it in turn, after which the review shows the new grade.
 */

let server: RunningServer;
let browser: Browser;
const QUARTER = '2026-Q3';

const call = <T>(token: string | null, method: string, path: string, body?: unknown) => apiCall<T>(server.baseUrl, token, method, path, body);
const login = (username: string, password: string) => apiLogin(server.baseUrl, username, password);

beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '0' });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pageOf(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, server.baseUrl, username, 'secret-pass-1');
  await page.getByTestId('nav-kpi').waitFor();
  return page;
}

describe('the quarterly grade review', () => {
  it('uploads operational figures, shows the review, and carries a promotion through the chain of approvals', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const project = `PK${suffix}`;
    const team = `TK${suffix}`;
    const agent = `KA${suffix}`;
    await call(admin, 'POST', '/projects', { code: project, name: '定级项目' });
    await call(admin, 'POST', '/teams', { code: team, name: '定级班组', project });
    const created = await call<{ id: string }>(admin, 'POST', '/agents', { employeeNo: agent, name: '李四', team, hiredAt: '2026-03-01', grade: 'intern' });
    const names = ['sup', 'dep', 'man', 'dir'].map((n) => `${n}${suffix}`.toLowerCase());
    for (const username of names)
      await call(admin, 'POST', '/users', { username, password: 'secret-pass-1', displayName: username, roles: ['supervisor'], projects: [project] });
    const leadName = `lead${suffix}`.toLowerCase();
    await call(admin, 'POST', '/users', { username: leadName, password: 'secret-pass-1', displayName: '班长', roles: ['team_lead'], teams: [team] });
    // Two evaluations of the quarter's calls scoring 100 (CONFIRM N/A): QA score 100.
    const active = await call<{ sections: { items: { code: string }[] }[] }>(admin, 'GET', '/checklists/active');
    const items = active.sections.flatMap((s) => s.items.map((i) => ({ code: i.code, verdict: i.code === 'CONFIRM' ? 'na' : 'pass' })));
    for (const [k, day] of ['2026-08-03', '2026-09-14'].entries()) {
      const form = new FormData();
      form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
      form.append('metadata', JSON.stringify({ externalId: `kpi-${suffix}-${k}`, agent, startedAt: `${day}T10:00:00+08:00`, direction: 'inbound' }));
      const recording = await call<{ id: string }>(admin, 'POST', '/recordings', form);
      await call(admin, 'POST', '/evaluations', { recordingId: recording.id, source: 'daily', items });
    }

    // The supervisor uploads the figures: 1,300 calls in 100 hours, 754 successes = CPH 13, 58 %: C exactly.
    const supervisor = await pageOf(names[0]);
    await supervisor.goto(`${server.baseUrl}/kpi?project=${project}&quarter=${QUARTER}`);
    await supervisor.getByTestId('kpi-import').click();
    // A sheet with a bad line is refused whole, and the dialog names the line.
    const bad = ['工号,日期,话务量,在线时长,成功量', `${agent},2026-07-01,260,20,151`, `${agent},2026-07-02,100,20,150`].join('\r\n');
    await supervisor.locator('.ant-modal input[type=file]').setInputFiles({ name: '话务.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
    await supervisor.getByTestId('kpi-import-errors').waitFor();
    expect(await supervisor.getByTestId('kpi-import-errors').locator('li').count()).toBe(1);
    expect(await supervisor.getByTestId('kpi-import-errors').innerText()).toContain('3');
    const csv = ['工号,日期,话务量,在线时长,成功量', ...[151, 151, 151, 151, 150].map((successes, k) => `${agent},2026-07-0${k + 1},260,20,${successes}`)].join('\r\n');
    await supervisor.locator('.ant-modal input[type=file]').setInputFiles({ name: '话务.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await supervisor.getByTestId('kpi-import-result').waitFor();
    expect(await supervisor.getByTestId('kpi-import-result').innerText()).toContain('5');
    await supervisor.keyboard.press('Escape');
    await supervisor.getByTestId(`kpi-move-${agent}`).waitFor();
    const row = supervisor.locator('tr', { has: supervisor.getByTestId(`kpi-move-${agent}`) });
    const text = await row.innerText();
    expect(text).toContain('13.00');
    expect(text).toContain('58.0 %');
    expect(await supervisor.getByTestId(`kpi-move-${agent}`).innerText()).toBe('晋升');

    // The supervisor records the trainer's probation exam result, which the promotion to C needs.
    await supervisor.getByTestId(`kpi-exams-${agent}`).click();
    await supervisor.getByTestId('exam-kind').click();
    await supervisor.locator('.ant-select-item-option', { hasText: '转正考试' }).click();
    await supervisor.getByTestId('exam-date').fill('2026-09-20');
    await supervisor.getByTestId('exam-date').press('Enter');
    await supervisor.getByTestId('exam-score').fill('90');
    await supervisor.getByTestId('exam-save').click();
    await expect.poll(() => supervisor.getByTestId('kpi-exams').innerText()).toContain('转正考试');
    expect(await supervisor.getByTestId('kpi-exams').innerText()).toContain('通过');
    expect((await call<{ items: { kind: string; date: string; passed: boolean }[] }>(admin, 'GET', `/kpi/exams?agent=${agent}`)).items).toMatchObject([
      { kind: 'probation', date: '2026-09-20', passed: true },
    ]);
    await supervisor.keyboard.press('Escape');

    // The team lead applies from the review, naming the four approvers.
    const lead = await pageOf(leadName);
    await lead.goto(`${server.baseUrl}/kpi?project=${project}&quarter=${QUARTER}`);
    await lead.getByTestId(`kpi-apply-${agent}`).click();
    for (const [step, username] of [
      ['supervisor', names[0]],
      ['deputyManager', names[1]],
      ['manager', names[2]],
      ['director', names[3]],
    ])
      await lead.getByTestId(`promotion-approver-${step}`).fill(username);
    await lead.getByTestId('promotion-reason').fill('季度指标达到 C 级');
    await lead.getByTestId('promotion-submit').click();
    await expect
      .poll(async () => (await call<{ items: { agent: string }[] }>(admin, 'GET', '/kpi/promotions?status=pending')).items.map((p) => p.agent))
      .toContain(agent);
    expect(await lead.getByTestId(`promotion-approve-${agent}`).count()).toBe(0);

    // Each approver in turn finds it on his home page when it is his turn, and approves on his own /kpi page.
    for (const [k, username] of names.entries()) {
      const page = k === 0 ? supervisor : await pageOf(username);
      await page.goto(`${server.baseUrl}/`);
      await page.getByTestId(`home-promotion-awaiting-${agent}`).waitFor();
      expect(await page.getByTestId(`home-promotion-awaiting-${agent}`).innerText()).toContain(['主管', '副经理', '经理', '总监'][k]);
      await page.goto(`${server.baseUrl}/kpi?project=${project}&quarter=${QUARTER}`);
      await page.getByTestId(`promotion-approve-${agent}`).click();
      await expect
        .poll(async () => (await call<{ items: { agent: string; decisions: unknown[] }[] }>(admin, 'GET', `/kpi/promotions?agent=${agent}`)).items[0].decisions.length)
        .toBe(k + 1);
    }
    expect((await call<{ grade: string }>(admin, 'GET', `/agents/${created.id}`)).grade).toBe('C');
    await supervisor.reload();
    await supervisor.getByTestId(`kpi-move-${agent}`).waitFor();
    expect(await supervisor.getByTestId(`kpi-move-${agent}`).innerText()).toBe('保持');
    // The grade change is kept in the agent's history.
    await supervisor.getByTestId(`kpi-exams-${agent}`).click();
    await expect.poll(() => supervisor.getByTestId('kpi-grade-history').innerText()).toContain('实习');
    expect(await supervisor.getByTestId('kpi-grade-history').innerText()).toContain('C');
    await supervisor.keyboard.press('Escape');
    // The team lead's home tells him it was approved, and from when.
    await lead.goto(`${server.baseUrl}/`);
    await lead.getByTestId(`home-promotion-decided-${agent}`).waitFor();
    expect(await lead.getByTestId(`home-promotion-decided-${agent}`).innerText()).toContain('已批准');
    await lead.screenshot({ path: '/tmp/kpi-home-lead.png', fullPage: true });
  });

  it('publishes a project’s KPI scheme whose parts weigh into the KPI score, and sets a coming quarter’s grade table', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const project = `PS${suffix}`;
    const team = `TS${suffix}`;
    const agent = `SA${suffix}`;
    await call(admin, 'POST', '/projects', { code: project, name: '方案项目' });
    await call(admin, 'POST', '/teams', { code: team, name: '方案班组', project });
    await call(admin, 'POST', '/agents', { employeeNo: agent, name: '王五', team, hiredAt: '2024-03-01', grade: 'C' });
    const username = `ss${suffix}`.toLowerCase();
    await call(admin, 'POST', '/users', { username, password: 'secret-pass-1', displayName: username, roles: ['supervisor'], projects: [project] });
    // One evaluation scoring 100 of a call on the current quarter's first day (a scheme applies from the current quarter on).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    const first = `${today.slice(0, 4)}-${String((Number(quarter.slice(-1)) - 1) * 3 + 1).padStart(2, '0')}-01`;
    const active = await call<{ sections: { items: { code: string }[] }[] }>(admin, 'GET', '/checklists/active');
    const items = active.sections.flatMap((s) => s.items.map((i) => ({ code: i.code, verdict: i.code === 'CONFIRM' ? 'na' : 'pass' })));
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
    form.append('metadata', JSON.stringify({ externalId: `kpis-${suffix}`, agent, startedAt: `${first}T00:05:00+08:00`, direction: 'inbound' }));
    const recording = await call<{ id: string }>(admin, 'POST', '/recordings', form);
    await call(admin, 'POST', '/evaluations', { recordingId: recording.id, source: 'daily', items });

    const page = await pageOf(username);
    await page.goto(`${server.baseUrl}/kpi?project=${project}&quarter=${quarter}&tab=scheme`);
    expect(await page.getByTestId('scheme-in-force').innerText()).toContain('KPI 分即质检分');
    await page.getByTestId('scheme-new').click();
    await page.getByTestId('scheme-draft').waitFor();
    await page.getByTestId('scheme-qa-weight').fill('60');
    await page.getByTestId('scheme-add-part').click();
    await page.getByTestId('scheme-part-code-0').fill('attendance');
    await page.getByTestId('scheme-part-name-0').fill('出勤');
    await page.getByTestId('scheme-part-weight-0').fill('40');
    await expect.poll(() => page.getByTestId('scheme-total').innerText()).toContain('100 %');
    await page.getByTestId('scheme-publish').click();
    await page.getByTestId('scheme-publish-ok').click();
    await expect.poll(() => page.getByTestId('scheme-in-force').innerText()).toContain('出勤 40 %');
    await page.screenshot({ path: '/tmp/kpi-scheme.png', fullPage: true });

    // The attendance system pushes the quarter's value: KPI = 0.6 × 100 + 0.4 × 50 = 80.
    await call(admin, 'PUT', '/kpi/parts', { rows: [{ agent, quarter, part: 'attendance', value: 50 }] });
    await page.goto(`${server.baseUrl}/kpi?project=${project}&quarter=${quarter}`);
    await page.getByTestId(`kpi-score-${agent}`).waitFor();
    expect(await page.getByTestId(`kpi-score-${agent}`).innerText()).toBe('80.0');

    // A coming quarter's grade table: A asks 96 from then on; the current quarter keeps the seed's.
    await page.goto(`${server.baseUrl}/kpi?project=${project}&quarter=${quarter}&tab=grades`);
    expect(await page.getByTestId('grade-table-in-force').innerText()).toContain('标准级别表');
    await page.getByTestId('grade-table-edit').click();
    await page.getByTestId('grade-A-minKpiScore').fill('96');
    await page.getByTestId('grade-table-save').click();
    await page.getByTestId('grade-table-history').waitFor();
    const tables = await call<{ items: { version: number; fromQuarter: string | null; grades: { grade: string; minKpiScore: number }[] }[] }>(
      admin,
      'GET',
      '/kpi/grade-tables',
    );
    expect(tables.items[0].fromQuarter! > quarter).toBe(true);
    expect(tables.items[0].grades.find((g) => g.grade === 'A')!.minKpiScore).toBe(96);
    expect(await page.getByTestId('grade-table-in-force').innerText()).toContain('标准级别表');

    // The same pages in English.
    await page.evaluate(() => localStorage.setItem('qa.lang', 'en'));
    await page.goto(`${server.baseUrl}/kpi?project=${project}&quarter=${quarter}&tab=scheme`);
    await expect.poll(() => page.getByTestId('scheme-in-force').innerText()).toContain('uses version 1');
    await page.screenshot({ path: '/tmp/kpi-scheme-en.png', fullPage: true });
  });
});

import type { Browser, Page } from 'playwright-core';
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

/** One call of the agent on the day, evaluated with the given items failed and every other passed. */
async function evaluate(admin: string, items: { code: string }[], agent: string, day: string, failed: string[]) {
  const form = new FormData();
  form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
  form.append('metadata', JSON.stringify({ externalId: `db-${agent}-${++seq}`, agent, startedAt: `${day}T10:00:00+08:00`, direction: 'inbound' }));
  const recording = await call<{ id: string }>(admin, 'POST', '/recordings', form);
  await call(admin, 'POST', '/evaluations', {
    recordingId: recording.id,
    source: 'daily',
    items: items.map((item) => ({ code: item.code, verdict: failed.includes(item.code) ? 'fail' : 'pass' })),
  });
}

/** The evaluations list's total once it shows (「共 N 条」). */
async function listTotal(page: Page): Promise<number> {
  const total = page.locator('.ant-pagination-total-text');
  await total.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'));
  return Number(/共 (\d+) 条/.exec(await total.innerText())?.[1]);
}

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
    for (const [i, agent] of agents.entries())
      await evaluate(
        admin,
        active.sections.flatMap((s) => s.items),
        agent,
        DAY,
        fails[i],
      );
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
  it('shows the whole centre when the supervisor picks every project, and the figure opens a list of as many', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const all = await call<{ evaluations: number }>(admin, 'GET', `/reports/summary?project=*&from=2026-10-01&to=2026-10-31`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.getByTestId('nav-dashboard').waitFor();
    await page.goto(`${server.baseUrl}/dashboard?date=${DAY}`);
    await page.getByTestId('dashboard-project').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '全部项目组' }).first().click();
    await page.waitForURL(/project=\*/);
    const evaluations = page.getByTestId('dashboard-evaluations');
    await evaluations.waitFor();
    expect(all.evaluations).toBeGreaterThanOrEqual(3); // the first test's project at least
    expect(await evaluations.getAttribute('data-value')).toBe(String(all.evaluations));
    await page.getByTestId('dashboard-teams').waitFor();
    await evaluations.click();
    await page.waitForURL(/\/evaluations\?/);
    expect(new URL(page.url()).searchParams.get('project')).toBeNull();
    expect(await listTotal(page)).toBe(all.evaluations);
    await context.close();
  }, 120_000);

  it('shows the trend and the teams side by side; a Pareto bar, a team’s counts and its row open lists that agree; a team lead sees his team only', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const project = `DT${suffix}`;
    const [teamA, teamB] = [`TA${suffix}`, `TB${suffix}`];
    await call(admin, 'POST', '/projects', { code: project, name: '走势项目' });
    await call(admin, 'POST', '/teams', { code: teamA, name: '一班', project });
    await call(admin, 'POST', '/teams', { code: teamB, name: '二班', project });
    const [a1, a2, b1] = [`A1${suffix}`, `A2${suffix}`, `B1${suffix}`];
    for (const [employeeNo, team] of [
      [a1, teamA],
      [a2, teamA],
      [b1, teamB],
    ])
      await call(admin, 'POST', '/agents', { employeeNo, name: `座席${employeeNo.slice(0, 2)}`, team, hiredAt: '2024-03-01', grade: 'C' });
    const active = await call<{ sections: { items: { code: string }[] }[] }>(admin, 'GET', '/checklists/active');
    const items = active.sections.flatMap((s) => s.items);
    // Team A: three evaluations on two days, one of them fatal (a forbidden phrase); team B: one clean one.
    await evaluate(admin, items, a1, DAY, ['GREETING', 'CLOSING']);
    await evaluate(admin, items, a1, '2026-10-20', ['GREETING']);
    await evaluate(admin, items, a2, DAY, ['FORBIDDEN']);
    await evaluate(admin, items, b1, DAY, []);
    await call(admin, 'POST', '/rectification-notices', { team: teamA, codes: ['GREETING'], actions: '每通电话先说您好', deadline: '2026-11-30' });
    await call(admin, 'POST', '/users', {
      username: `lead${suffix}`.toLowerCase(),
      password: 'secret-pass-1',
      displayName: '一班班长',
      roles: ['team_lead'],
      teams: [teamA],
    });

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, 'supervisor', DEMO_PASSWORD);
    await page.getByTestId('nav-dashboard').waitFor();
    const dashboard = `${server.baseUrl}/dashboard?project=${project}&date=${DAY}`;
    await page.goto(dashboard);

    // The trend: a point for each day of October, four evaluations in all; weekly, October's five ISO weeks.
    const trend = page.getByTestId('dashboard-trend-score');
    await trend.waitFor();
    expect([await trend.getAttribute('data-buckets'), await trend.getAttribute('data-evaluations')]).toEqual(['31', '4']);
    expect(await page.getByTestId('dashboard-trend-fatal').getAttribute('data-evaluations')).toBe('4');
    await page.getByTestId('dashboard-bucket').getByText('按周汇总').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="dashboard-trend-score"]')?.getAttribute('data-buckets') === '5');

    // The teams, worst average first: team A (with the fatal one) above team B.
    const teams = page.getByTestId('dashboard-teams');
    await teams.getByTestId(`dashboard-team-${teamA}`).waitFor();
    expect(await teams.locator('tbody tr[data-testid^="dashboard-team-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))).toEqual([
      `dashboard-team-${teamA}`,
      `dashboard-team-${teamB}`,
    ]);
    const rowA = teams.getByTestId(`dashboard-team-${teamA}`);
    expect(await rowA.getByTestId('dashboard-team-evaluations').getAttribute('data-value')).toBe('3');
    expect(await teams.getByTestId(`dashboard-team-${teamB}`).getByTestId('dashboard-team-evaluations').getAttribute('data-value')).toBe('1');
    expect(await rowA.getByTestId('dashboard-team-coaching').getAttribute('data-value')).toBe('3');
    expect(await page.getByTestId('defect-pareto').getAttribute('data-codes')).toBe('GREETING,CLOSING,FORBIDDEN');
    await page.screenshot({ path: '/tmp/dashboard-trend.png', fullPage: true });

    // The Pareto's first bar (GREETING, failed twice): a click just above the axis opens its evaluations.
    const canvas = page.getByTestId('defect-pareto').locator('canvas').first();
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: 48 + (box.width - 96) / 6, y: box.height - 40 - 8 } });
    await page.waitForURL(/\/evaluations\?/);
    expect(new URL(page.url()).searchParams.get('code')).toBe('GREETING');
    expect(await listTotal(page)).toBe(2);

    // The fatal rate (1 of 4) opens the one fatal evaluation.
    await page.goto(dashboard);
    expect(await page.getByTestId('dashboard-fatal-rate').getAttribute('data-value')).toBe('0.25');
    await page.getByTestId('dashboard-fatal-rate').click();
    await page.waitForURL(/fatal=true/);
    expect(await listTotal(page)).toBe(1);

    // Team A's evaluations and its open coaching items: the lists hold as many as the table says.
    await page.goto(dashboard);
    await rowA.getByTestId('dashboard-team-evaluations').click();
    await page.waitForURL(/\/evaluations\?/);
    expect(new URL(page.url()).searchParams.get('team')).toBe(teamA);
    expect(await listTotal(page)).toBe(3);
    await page.goto(dashboard);
    await rowA.getByTestId('dashboard-team-fatal').click();
    await page.waitForURL(/\/evaluations\?/);
    expect(new URL(page.url()).searchParams.get('fatal')).toBe('true');
    await page.getByTestId('evaluations-linked-fatal').waitFor();
    expect(await listTotal(page)).toBe(1);
    await page.goto(dashboard);
    await rowA.getByTestId('dashboard-team-coaching').click();
    await page.waitForURL(/\/coaching\?/);
    await page.getByTestId('coaching-team').waitFor();
    expect(await listTotal(page)).toBe(3);

    // Team A's notice not closed yet: the notices list opened from the count shows that one.
    await page.goto(dashboard);
    const notices = rowA.getByTestId('dashboard-team-notices');
    expect([
      await notices.getAttribute('data-value'),
      await teams.getByTestId(`dashboard-team-${teamB}`).getByTestId('dashboard-team-notices').getAttribute('data-value'),
    ]).toEqual(['1', '0']);
    await notices.click();
    await page.waitForURL(/\/rectification-notices\?/);
    expect(new URL(page.url()).searchParams.get('status')).toBe('open');
    await page.getByTestId('notices-table').locator('tr[data-testid^="notice-row-"]').first().waitFor();
    expect(await page.getByTestId('notices-table').locator('tr[data-testid^="notice-row-"]').count()).toBe(1);

    // The inspectors' panel: the admin scored all four, and his count opens them.
    await page.goto(dashboard);
    const inspector = page.getByTestId('dashboard-inspector-admin').getByTestId('dashboard-inspector-evaluations');
    expect(await inspector.getAttribute('data-value')).toBe('4');
    await inspector.click();
    await page.waitForURL(/\/evaluations\?/);
    expect(new URL(page.url()).searchParams.get('inspector')).toBe('admin');
    expect(await listTotal(page)).toBe(4);

    // His name opens his consistency page: the same four, week by week, and no machine suggestions to agree with.
    await page.goto(dashboard);
    await page.getByTestId('dashboard-inspector-admin').getByTestId('dashboard-inspector-consistency').click();
    await page.waitForURL(/\/dashboard\/inspectors\/admin\?/);
    await page.getByTestId('consistency-evaluations').waitFor();
    expect(await page.getByTestId('consistency-evaluations').getAttribute('data-value')).toBe('4');
    expect(await page.getByTestId('consistency-compared').innerText()).toBe('0 / 4'); // nobody else scored similar calls
    // The calls have no transcript, so the machine had nothing to suggest.
    await page.getByTestId('consistency-rules').getByText('本期没有带机器建议的评分项').waitFor();
    await page.screenshot({ path: '/tmp/dashboard-inspector.png', fullPage: true });

    // Team A's row opens its view: its agents ranked, lowest average first, and an agent's count opens his evaluations.
    await page.goto(dashboard);
    await rowA.getByTestId('dashboard-team-open').click();
    await page.waitForURL(new RegExp(`/dashboard/teams/${teamA}\\?`));
    await page.getByTestId('dashboard-team-title').getByText(`一班 (${teamA})`, { exact: false }).waitFor();
    const agents = page.getByTestId('dashboard-team-agents');
    await agents.getByTestId(`dashboard-agent-${a1}`).waitFor();
    expect(await agents.locator('tbody tr[data-testid^="dashboard-agent-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))).toEqual([
      `dashboard-agent-${a2}`,
      `dashboard-agent-${a1}`,
    ]);
    expect(await page.getByTestId('dashboard-trend-score').getAttribute('data-evaluations')).toBe('3');
    await page.screenshot({ path: '/tmp/dashboard-team.png', fullPage: true });
    const a1Count = agents.getByTestId(`dashboard-agent-${a1}`).getByTestId('dashboard-agent-evaluations');
    expect(await a1Count.getAttribute('data-value')).toBe('2');
    await a1Count.click();
    await page.waitForURL(/\/evaluations\?/);
    expect([new URL(page.url()).searchParams.get('team'), new URL(page.url()).searchParams.get('agent')]).toEqual([teamA, a1]);
    expect(await listTotal(page)).toBe(2);

    // A custom range of 11 days (against the 11 before) and the quarter (rolled up by ISO week) hold the same four.
    await page.goto(`${server.baseUrl}/dashboard?project=${project}&period=custom&from=2026-10-10&to=2026-10-20`);
    await page.getByTestId('dashboard-range-text').getByText('对比上一期 2026-09-29 至 2026-10-09', { exact: false }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="dashboard-trend-score"]')?.getAttribute('data-buckets') === '11');
    expect(await page.getByTestId('dashboard-trend-score').getAttribute('data-evaluations')).toBe('4');
    await page.goto(`${server.baseUrl}/dashboard?project=${project}&period=quarter&date=${DAY}`);
    await page.getByTestId('dashboard-range-text').getByText('通话日期 2026-10-01 至 2026-12-31，对比上一期 2026-07-01 至 2026-09-30', { exact: false }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="dashboard-trend-score"]')?.getAttribute('data-buckets') === '14');
    expect(await page.getByTestId('dashboard-trend-score').getAttribute('data-evaluations')).toBe('4');
    await context.close();

    // Team A's lead: the same dashboard, his team only.
    const leadContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const lead = await leadContext.newPage();
    await signIn(lead, server.baseUrl, `lead${suffix}`.toLowerCase(), 'secret-pass-1');
    await lead.getByTestId('nav-dashboard').waitFor();
    await lead.goto(dashboard);
    await lead.getByTestId(`dashboard-team-${teamA}`).waitFor();
    expect(await lead.getByTestId(`dashboard-team-${teamB}`).count()).toBe(0);
    expect(await lead.getByTestId('dashboard-trend-score').getAttribute('data-evaluations')).toBe('3');
    expect(await lead.getByTestId('dashboard-inspectors').count()).toBe(0);
    await leadContext.close();
  }, 180_000);
});

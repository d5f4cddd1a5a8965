import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, useBrowserApp } from '../support/browser.js';

/**
 * Issue 15 "Acknowledgement and disputes", in the browser: a team lead disputes a failed item from the
 * evaluation's read view, the inspector rejects it from his home worklist, the lead escalates it, the
 * supervisor upholds it, and the score shown changes.
 */

const app = useBrowserApp();
const { call, login } = app;
/** Each step waits on a mutation and a refetch: on a busy CI machine that takes more than expect.poll's 1 s default. */
const POLL = { timeout: 15_000 };
const signedIn = (username: string) => app.signedIn(username, 'nav-disputes');

const statusOf = (page: Page) => page.getByTestId('dispute-view').getByTestId('dispute-status').first().getAttribute('data-status');

describe('disputes', () => {
  it('a lead disputes a failed item, the inspector rejects it, the lead escalates, the supervisor upholds it and the score changes', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const project = `PD${suffix}`;
    const team = `TD${suffix}`;
    const agent = `DA${suffix}`;
    const [inspectorName, leadName, supervisorName] = ['insp', 'lead', 'sup'].map((r) => `${r}${suffix}`.toLowerCase());
    await call(admin, 'POST', '/projects', { code: project, name: '申诉项目' });
    await call(admin, 'POST', '/teams', { code: team, name: '申诉班组', project });
    await call(admin, 'POST', '/agents', { employeeNo: agent, name: '座席甲', team, hiredAt: '2024-03-01', grade: 'C' });
    const user = (username: string, roles: string[], bound: object) =>
      call(admin, 'POST', '/users', { username, password: 'secret-pass-1', displayName: username, roles, ...bound });
    await user(inspectorName, ['inspector'], { projects: [project] });
    await user(leadName, ['team_lead'], { teams: [team] });
    await user(supervisorName, ['supervisor'], { projects: [project] });
    const inspector = await login(inspectorName, 'secret-pass-1');
    const active = await call<{ sections: { items: { code: string }[] }[] }>(admin, 'GET', '/checklists/active');
    const items = active.sections.flatMap((s) => s.items.map((i) => ({ code: i.code, verdict: i.code === 'B1' ? 'fail' : 'pass' })));
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
    form.append('metadata', JSON.stringify({ externalId: `dp-${suffix}`, agent, startedAt: '2026-11-20T10:00:00+08:00', direction: 'inbound' }));
    const recording = await call<{ id: string }>(admin, 'POST', '/recordings', form);
    const evaluation = await call<{ id: string; score: number }>(inspector, 'POST', '/evaluations', { recordingId: recording.id, source: 'daily', items });
    expect(evaluation.score).toBeLessThan(100);

    // The lead, on the evaluation's read view: the failed item B1 disputed with a reason.
    const lead = await signedIn(leadName);
    await expect.poll(() => lead.getByTestId('home-disputes-acknowledge').getAttribute('data-value'), POLL).toBe('1');
    await lead.goto(`${app.baseUrl}/evaluate/${recording.id}?evaluation=${evaluation.id}`);
    await lead.getByTestId('workspace').waitFor();
    await lead.getByTestId('open-dispute').click();
    await lead.getByTestId('raise-B1').getByTestId('raise-check').click();
    await lead.getByTestId('raise-B1').getByTestId('raise-reason').fill('第 20 秒已经复述了客户的需求');
    await lead.getByTestId('raise-submit').click();
    await lead.getByTestId('dispute-view').waitFor();
    await expect.poll(() => statusOf(lead), POLL).toBe('awaiting_inspector');
    await lead.getByTestId('dispute-page-link').click();
    await lead.waitForURL(/\/disputes\/[0-9a-f-]{36}$/);
    const disputePath = new URL(lead.url()).pathname;

    // The inspector, from his home: the dispute to answer, rejected with a reason.
    const insp = await signedIn(inspectorName);
    await insp.getByTestId('home-disputes-answer').waitFor();
    await expect.poll(() => insp.getByTestId('home-disputes-answer').getAttribute('data-value'), POLL).toBe('1');
    await insp.getByTestId('home-disputes-answer-link').click();
    await insp.getByTestId('dispute-open').click();
    await insp.getByTestId('decide-B1').getByTestId('decision-reject').click();
    await insp.getByTestId('decide-B1').getByTestId('decision-reason').fill('复述不完整，漏了办理时间');
    await insp.getByTestId('dispute-decide-submit').click();
    await expect.poll(() => statusOf(insp), POLL).toBe('answered');
    expect(await insp.getByTestId('dispute-item-B1').innerText()).toContain('复述不完整');

    // The lead escalates once.
    await lead.goto(`${app.baseUrl}${disputePath}`);
    await lead.getByTestId('escalate-reason').fill('录音里办理时间也说了，请主管裁定');
    await lead.getByTestId('escalate-submit').click();
    await expect.poll(() => statusOf(lead), POLL).toBe('escalated');
    expect(await lead.getByTestId('dispute-escalate').count()).toBe(0);

    // The supervisor upholds it: final, and the score shown is the amended one.
    const sup = await signedIn(supervisorName);
    await expect.poll(() => sup.getByTestId('home-disputes-rule').getAttribute('data-value'), POLL).toBe('1');
    await sup.getByTestId('home-disputes-rule-link').click();
    await sup.getByTestId('dispute-open').click();
    await sup.getByTestId('dispute-score').waitFor();
    expect(Number(await sup.getByTestId('dispute-score').innerText())).toBe(evaluation.score);
    await sup.getByTestId('decide-B1').getByTestId('decision-uphold').click();
    await sup.getByTestId('decide-B1').getByTestId('decision-reason').fill('第 20 秒已完整复述');
    await sup.getByTestId('dispute-decide-submit').click();
    await expect.poll(() => statusOf(sup), POLL).toBe('ruled');
    await expect.poll(async () => Number(await sup.getByTestId('dispute-score').innerText()), POLL).toBe(100);
    expect(await sup.getByTestId('dispute-item-B1').getByTestId('dispute-outcome').innerText()).toBe('成立');
    expect(await sup.getByTestId('dispute-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['raise', 'answer', 'escalate', 'rule']);

    // The evaluation's read view shows the new score too.
    await sup.getByTestId('dispute-evaluation-link').click();
    await sup.getByTestId('workspace').waitFor();
    const stored = await call<{ score: number; items: { code: string; verdict: string }[] }>(inspector, 'GET', `/evaluations/${evaluation.id}`);
    expect(stored.score).toBe(100);
    expect(stored.items.find((i) => i.code === 'B1')?.verdict).toBe('pass');

    // The summary: one item disputed in the supervisor's project, upheld.
    await sup.goto(`${app.baseUrl}/disputes?tab=summary&project=${project}`);
    await expect.poll(() => sup.getByTestId('disputes-upheld-rate').innerText(), POLL).toContain('100.0%');
    expect(await sup.getByTestId('disputes-by-inspector').innerText()).toContain(inspectorName);

    // The project's supervisor widens its dispute window.
    await sup.goto(`${app.baseUrl}/disputes?tab=window`);
    await sup.getByTestId(`window-days-${project}`).locator('input').fill('10');
    await sup.getByTestId(`window-save-${project}`).click();
    await expect
      .poll(
        async () =>
          (await call<{ items: { code: string; disputeWindowDays: number }[] }>(admin, 'GET', '/projects')).items.find((p) => p.code === project)?.disputeWindowDays,
      )
      .toBe(10);
  });
});

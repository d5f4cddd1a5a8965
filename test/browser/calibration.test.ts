import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, useBrowserApp } from '../support/browser.js';

/**
 * Issue 15 "Calibration", in the browser: a supervisor creates a session of two calls for two
 * inspectors, each scores them blind in the workspace from his home's worklist, the supervisor reveals
 * the session, sees the verdicts side by side with kappa, and writes guidance that lands in the draft.
 */

const app = useBrowserApp();
const { call, login } = app;
const signedIn = (username: string) => app.signedIn(username, 'nav-calibration');

/** Scores the open workspace: GREETING failed when asked, every other item passed (其余合格), then submitted. */
async function scoreInWorkspace(page: Page, failGreeting: boolean) {
  await page.getByTestId('workspace').waitFor();
  if (failGreeting) {
    await page.getByTestId('item-GREETING-fail').click();
    await page.locator('[data-testid="item-GREETING"][data-verdict="fail"]').waitFor();
  }
  await page.getByTestId('pass-rest').click();
  await page.getByTestId('pass-rest-ok').click();
  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
  await page.getByTestId('submit-evaluation').click();
  await page.locator('[data-testid="live-score"][data-final="true"]').waitFor();
}

describe('calibration', () => {
  it('a supervisor creates a session, two inspectors score it blind, the supervisor reveals it with kappa and writes guidance', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const project = `PC${suffix}`;
    const team = `TC${suffix}`;
    const agent = `CA${suffix}`;
    const [i1, i2, sup] = ['inspa', 'inspb', 'sup'].map((r) => `${r}${suffix}`.toLowerCase());
    await call(admin, 'POST', '/projects', { code: project, name: '校准项目' });
    await call(admin, 'POST', '/teams', { code: team, name: '校准班组', project });
    await call(admin, 'POST', '/agents', { employeeNo: agent, name: '座席乙', team, hiredAt: '2024-03-01', grade: 'C' });
    const user = (username: string, roles: string[], displayName: string) =>
      call(admin, 'POST', '/users', { username, password: 'secret-pass-1', displayName, roles, projects: [project] });
    await user(i1, ['inspector'], '质检甲');
    await user(i2, ['inspector'], '质检乙');
    await user(sup, ['supervisor'], '主管丙');
    // Two calls of yesterday (the form's default day), in the centre's time.
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));
    const recordings: string[] = [];
    for (const [n, hour] of ['09', '10'].entries()) {
      const form = new FormData();
      form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
      form.append('metadata', JSON.stringify({ externalId: `cal-${suffix}-${n}`, agent, startedAt: `${yesterday}T${hour}:00:00+08:00`, direction: 'inbound' }));
      recordings.push((await call<{ id: string }>(admin, 'POST', '/recordings', form)).id);
    }

    // The supervisor creates the session from the calibration page.
    const s = await signedIn(sup);
    await s.getByTestId('nav-calibration').click();
    await s.getByTestId('calibration-new').click();
    await s.getByTestId('calibration-title').fill('问候语校准');
    await s.getByTestId('calibration-calls').click();
    // Both calls listed before choosing: a click while the list is still loading or refetching can be lost.
    const options = s.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(() => options.count()).toBe(2);
    for (const hour of ['09:00', '10:00']) {
      await options.filter({ hasText: hour }).click();
      await s.getByTestId('calibration-calls').locator('.ant-select-selection-item', { hasText: hour }).waitFor();
    }
    await s.getByTestId('calibration-title').click(); // closes the calls' dropdown
    await s.getByTestId('calibration-participants').click();
    for (const name of [i1, i2]) {
      await s.keyboard.type(name);
      await s.keyboard.press('Enter');
    }
    await s.getByTestId('calibration-create').click();
    await s.waitForURL(/\/calibration\/[0-9a-f-]{36}$/);
    const sessionId = s.url().split('/').pop()!;
    await expect.poll(() => s.getByTestId('calibration-status').innerText()).toBe('盲评中');
    expect(await s.getByTestId('calibration-participants-table').innerText()).toContain('质检甲');

    // Each inspector scores both calls from his home's worklist: 质检甲 fails the greeting of the first call.
    for (const [name, failFirst] of [
      [i1, true],
      [i2, false],
    ] as const) {
      const p = await signedIn(name);
      await p.getByTestId('home-calibrations-to-score').waitFor();
      expect(await p.getByTestId('home-calibrations-to-score').innerText()).toContain('问候语校准');
      for (const [n, recordingId] of recordings.entries()) {
        await p.goto(`${app.baseUrl}/`);
        await p.getByTestId(`home-calibration-score-${recordingId}`).click();
        await p.waitForURL(new RegExp(`/evaluate/${recordingId}\\?source=calibration$`));
        await scoreInWorkspace(p, failFirst && n === 0);
        // Blind: the other inspector's evaluation of the call is not offered.
        expect(await p.getByTestId('other-evaluations').count()).toBe(0);
        // Not an example yet: the session is not revealed, and the button says so.
        expect(await p.getByTestId('mark-example').getAttribute('data-blocked')).toBe('true');
        expect(await p.getByTestId('mark-example').isDisabled()).toBe(true);
      }
      await p.goto(`${app.baseUrl}/`);
      await p.getByTestId('home-welcome').waitFor();
      await expect.poll(() => p.getByTestId('home-calibrations-to-score').count()).toBe(0);
      await p.context().close();
    }

    // Everyone has submitted: the supervisor's home counts the session ready to reveal, and its link lists exactly those.
    const supToken = await login(sup, 'secret-pass-1');
    const ready = await call<{ total: number; items: { id: string }[] }>(supToken, 'GET', '/calibration-sessions?status=ready');
    expect(ready.items.map((x) => x.id)).toContain(sessionId);
    await s.goto(`${app.baseUrl}/`);
    const figure = s.getByTestId('home-calibration-ready');
    await expect.poll(() => figure.getAttribute('data-value')).toBe(String(ready.total));
    expect(await figure.innerText()).toContain('待揭晓的校准');
    await s.getByTestId('home-calibration-ready-link').click();
    await s.waitForURL((url) => url.pathname === '/calibration' && url.searchParams.get('status') === 'ready');
    await s.getByTestId(`calibration-row-${sessionId}`).waitFor();
    expect(await s.locator('[data-testid^="calibration-row-"]').count()).toBe(ready.total);
    expect(await s.getByTestId(`calibration-row-${sessionId}`).getByTestId('calibration-ready').innerText()).toBe('可揭晓');
    await s.getByTestId(`calibration-open-${sessionId}`).click();
    await s.waitForURL(new RegExp(`/calibration/${sessionId}$`));

    // The supervisor reveals it: the greeting, where they disagreed, comes first, with kappa.
    await s.reload();
    await expect.poll(() => s.getByTestId('calibration-participants-table').innerText()).toContain('2 / 2');
    await s.getByTestId('calibration-reveal').click();
    await s.getByTestId('calibration-reveal-confirm').click();
    await expect.poll(() => s.getByTestId('calibration-status').innerText()).toBe('已揭晓');
    await s.getByTestId('calibration-results').waitFor();
    const firstRow = s.locator('[data-testid^="result-row-"]').first();
    expect(await firstRow.getAttribute('data-testid')).toBe('result-row-GREETING');
    expect(await firstRow.innerText()).toContain('有分歧');
    expect(await firstRow.getByTestId(`verdict-0-${i1}`).innerText()).toBe('不合格');
    expect(await firstRow.getByTestId(`verdict-0-${i2}`).innerText()).toBe('合格');
    // Two raters over two calls, pass/fail: a = [1 pass, 1 fail], b = [2 pass]: P̄ = 0.5, P̄e = 0.625, κ = −0.33.
    expect(await firstRow.getByTestId('item-kappa').innerText()).toBe('-0.33');
    expect(await firstRow.getByTestId('item-agreement').innerText()).toBe('50 %');
    expect(await s.getByTestId('overall-kappa').innerText()).toMatch(/-?\d\.\d\d/);
    await s.screenshot({ path: '/tmp/calibration-revealed.png', fullPage: true });

    // The inspector-consistency page names his calibration agreement: the greeting of the first call was a tie
    // (no reference), so one of his verdicts agrees with nothing; and it says which machine figure is which.
    const checklist = await call<{ sections: { items: unknown[] }[] }>(supToken, 'GET', '/checklists/active');
    const verdicts = 2 * checklist.sections.reduce((n, x) => n + x.items.length, 0);
    const back = s.url();
    await s.goto(`${app.baseUrl}/dashboard/inspectors/${i1}?project=${project}`);
    const agreement = s.getByTestId('consistency-calibration');
    await agreement.waitFor();
    expect(await agreement.innerText()).toContain(`（${verdicts - 1} / ${verdicts} 项，1 场已揭晓的校准）`);
    expect(await s.getByTestId('consistency-totals').innerText()).toContain('校准一致率');
    const rulesHead = await s.getByTestId('consistency-rules').locator('thead').innerText();
    expect(rulesHead).toContain('盲评一致率（提交前看不到机器结论）');
    expect(rulesHead).toContain('推翻率（显示机器建议时）');
    await s.goto(back);
    await s.getByTestId('calibration-results').waitFor();

    // Revealed, the calls may be marked as examples from the evaluation's read view.
    const evaluations = await call<{ items: { id: string; recordingId: string; inspector: string }[] }>(
      supToken,
      'GET',
      `/evaluations?from=${yesterday}&to=${yesterday}&pageSize=200`,
    );
    const first = evaluations.items.find((e) => e.recordingId === recordings[0] && e.inspector === i1)!;
    await s.goto(`${app.baseUrl}/evaluate/${recordings[0]}?evaluation=${first.id}`);
    await s.getByTestId('workspace').waitFor();
    expect(await s.getByTestId('mark-example').getAttribute('data-blocked')).toBeNull();
    await s.getByTestId('mark-example').click();
    await s.getByTestId('mark-example-player').waitFor();
    await s.goto(back);
    await s.getByTestId('calibration-results').waitFor();

    // The guidance for the greeting goes into the next checklist draft as its scoring note.
    await s.getByTestId('guidance-GREETING').fill('开头 15 秒内说“您好”即合格，被客户打断后补说也算');
    await s.getByTestId('guidance-save').click();
    await s
      .getByText(/已写入考核表草稿 v\d+/)
      .first()
      .waitFor();
    const stored = await call<{ guidance: { code: string; draftVersion: number | null }[] }>(supToken, 'GET', `/calibration-sessions/${sessionId}`);
    const version = stored.guidance.find((g) => g.code === 'GREETING')?.draftVersion;
    expect(version).toBeGreaterThan(1);
    const versions = await call<{ items: { id: string; version: number; status: string }[] }>(admin, 'GET', '/checklists');
    const draft = versions.items.find((v) => v.version === version)!;
    expect(draft.status).toBe('draft');
    const sections = (await call<{ sections: { items: { code: string; scoringNote?: string }[] }[] }>(admin, 'GET', `/checklists/${draft.id}`)).sections;
    expect(sections.flatMap((x) => x.items).find((i) => i.code === 'GREETING')?.scoringNote).toBe('开头 15 秒内说“您好”即合格，被客户打断后补说也算');

    // Once that draft is published, the workspace shows the note beside the item.
    await call(admin, 'POST', `/checklists/${draft.id}/publish`, {});
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
    form.append('metadata', JSON.stringify({ externalId: `cal-${suffix}-next`, agent, startedAt: `${yesterday}T11:00:00+08:00`, direction: 'inbound' }));
    const next = await call<{ id: string }>(admin, 'POST', '/recordings', form);
    await s.goto(`${app.baseUrl}/evaluate/${next.id}`);
    await s.getByTestId('workspace').waitFor();
    expect(await s.getByTestId('item-GREETING-scoring-note').innerText()).toContain('被客户打断后补说也算');
    expect(await s.locator('[data-testid$="-scoring-note"]').count()).toBe(1);
  });
});

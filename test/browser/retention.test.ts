import { describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, useBrowserApp } from '../support/browser.js';

/**
 * Issue 16, retention, in the browser: the project's supervisor sets its policy on the retention
 * page's card; after the run, the player of an old call says its audio was removed by retention on
 * that date instead of failing to play.
 */

const app = useBrowserApp();
const { call } = app;
const signedIn = (username: string) => app.signedIn(username, 'nav-retention');

describe('retention', () => {
  it('a supervisor sets the project’s policy on its card; an old call’s player then says its audio was removed by retention', async () => {
    const admin = await app.login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const [project, team, agent, supervisor] = [`PR${suffix}`, `TR${suffix}`, `RA${suffix}`, `sup${suffix}`.toLowerCase()];
    await call(admin, 'POST', '/projects', { code: project, name: '保留项目' });
    await call(admin, 'POST', '/teams', { code: team, name: '保留班组', project });
    await call(admin, 'POST', '/agents', { employeeNo: agent, name: '座席乙', team, hiredAt: '2024-03-01', grade: 'C' });
    await call(admin, 'POST', '/users', { username: supervisor, password: 'secret-pass-1', displayName: '保留主管', roles: ['supervisor'], projects: [project] });
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(toneWav(1))], { type: 'audio/wav' }), 'call.wav');
    form.append(
      'metadata',
      JSON.stringify({ externalId: `ret-${suffix}`, agent, startedAt: new Date(Date.now() - 400 * 86_400_000).toISOString(), direction: 'inbound' }),
    );
    const recording = await call<{ id: string }>(admin, 'POST', '/recordings', form);

    const page = await signedIn(supervisor);
    await page.getByTestId('nav-retention').click();
    const card = page.getByTestId(`retention-${project}`);
    await expect.poll(() => card.getByTestId(`retention-summary-${project}`).textContent()).toContain('永久保留');
    await card.getByTestId(`retention-audio-${project}-forever`).click();
    await card.getByTestId(`retention-audio-${project}-days`).locator('input').fill('30');
    await card.getByTestId(`retention-evaluated-${project}-forever`).click();
    await card.getByTestId(`retention-evaluated-${project}-days`).locator('input').fill('90');
    await card.getByTestId(`retention-save-${project}`).click();
    await expect.poll(() => page.getByTestId(`retention-summary-${project}`).textContent()).toContain('30 天');
    const policies = await call<{ items: { project: string; audioDays: number; evaluatedAudioDays: number; updatedBy: string }[] }>(admin, 'GET', '/retention-policies');
    expect(policies.items.find((p) => p.project === project)).toMatchObject({ audioDays: 30, evaluatedAudioDays: 90, updatedBy: supervisor });

    const run = await call<{ projects: { project: string; removed: number }[] }>(admin, 'POST', '/retention-runs');
    expect(run.projects.find((p) => p.project === project)?.removed).toBe(1);
    const { audioRemovedAt } = await call<{ audioRemovedAt: string }>(admin, 'GET', `/recordings/${recording.id}`);
    await page.goto(`${app.baseUrl}/recordings/${recording.id}`);
    const removed = page.getByTestId('audio-removed');
    await removed.waitFor();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(audioRemovedAt));
    expect(await removed.textContent()).toContain(`音频已于 ${day} 按保留策略删除`);
  });
});

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, useBrowserApp } from '../support/browser.js';

/**
 * Issue 14 "Example calls for the weekly sharing", in the browser: an inspector marks a scored call as an
 * example by dragging a moment on its waveform; the supervisor builds a playlist of it and plays the
 * session from the marked moment; the supervisor links it to an FAQ entry, whose page shows it with a
 * play button to an inspector.
 */

const app = useBrowserApp();
const { call, login } = app;
const signedIn = (username: string) => app.signedIn(username, 'nav-home');

/** Plays the page's example audio (muted) and answers its position once it has loaded and moved to where it starts. */
async function playingFrom(within: Page | Locator): Promise<number> {
  const audio = within.getByTestId('example-audio');
  await audio.evaluate(async (el) => {
    const a = el as HTMLAudioElement;
    a.muted = true;
    if (a.paused) await a.play();
  });
  await expect.poll(() => audio.evaluate((el) => (el as HTMLAudioElement).readyState)).toBeGreaterThanOrEqual(1);
  await expect.poll(() => audio.evaluate((el) => (el as HTMLAudioElement).currentTime)).toBeGreaterThan(0);
  return audio.evaluate((el) => (el as HTMLAudioElement).currentTime);
}

describe('example calls', () => {
  it('an inspector marks a call with a region, the supervisor builds a playlist and plays it from the moment, the FAQ entry shows the link', async () => {
    const admin = await login('admin', ADMIN_PASSWORD);
    const suffix = Date.now().toString(36).slice(-5).toUpperCase();
    const project = `PX${suffix}`;
    const team = `TX${suffix}`;
    const agent = `XA${suffix}`;
    const [inspectorName, supervisorName] = ['insp', 'sup'].map((r) => `${r}${suffix}`.toLowerCase());
    await call(admin, 'POST', '/projects', { code: project, name: '案例项目' });
    await call(admin, 'POST', '/teams', { code: team, name: '案例班组', project });
    await call(admin, 'POST', '/agents', { employeeNo: agent, name: '座席乙', team, hiredAt: '2024-03-01', grade: 'C' });
    const user = (username: string, roles: string[], bound: object) =>
      call(admin, 'POST', '/users', { username, password: 'secret-pass-1', displayName: username, roles, ...bound });
    await user(inspectorName, ['inspector'], { projects: [project] });
    await user(supervisorName, ['supervisor'], { projects: [project] });
    // The presenter is picked from the centre's users who open the project's sessions: a team lead of it, not the FAQ maintainer.
    const leadName = `lead${suffix}`.toLowerCase();
    await call(admin, 'POST', '/users', { username: leadName, password: 'secret-pass-1', displayName: `班长丁${suffix}`, roles: ['team_lead'], teams: [team] });
    await call(admin, 'POST', '/users', {
      username: `faq${suffix}`.toLowerCase(),
      password: 'secret-pass-1',
      displayName: `班长丁知识库${suffix}`,
      roles: ['faq_maintainer'],
    });
    const inspector = await login(inspectorName, 'secret-pass-1');
    const active = await call<{ sections: { items: { code: string }[] }[] }>(admin, 'GET', '/checklists/active');
    const items = active.sections.flatMap((s) => s.items.map((i) => ({ code: i.code, verdict: 'pass' })));
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(toneWav(20))], { type: 'audio/wav' }), 'call.wav');
    form.append(
      'metadata',
      JSON.stringify({ externalId: `ex-${suffix}`, agent, startedAt: '2026-11-20T10:00:00+08:00', direction: 'inbound', customerNumber: '13900001234' }),
    );
    const recording = await call<{ id: string }>(admin, 'POST', '/recordings', form);
    const evaluation = await call<{ id: string }>(inspector, 'POST', '/evaluations', { recordingId: recording.id, source: 'daily', items });

    // The inspector, on the scored call: mark as example, dragging a moment on the waveform.
    const insp = await signedIn(inspectorName);
    await insp.goto(`${app.baseUrl}/evaluate/${recording.id}?evaluation=${evaluation.id}`);
    await insp.getByTestId('workspace').waitFor();
    await insp.getByTestId('mark-example').click();
    const modal = insp.getByTestId('mark-example-modal');
    await modal.locator('[data-testid="call-player"][data-ready="true"]').waitFor();
    // The dialog zooms in as it opens: measure the waveform once it stays put.
    const waveform = modal.getByTestId('player-waveform');
    let wave = (await waveform.boundingBox())!;
    await expect
      .poll(async () => {
        await insp.waitForTimeout(150);
        const now = (await waveform.boundingBox())!;
        const still = now.x === wave.x && now.width === wave.width && now.y === wave.y;
        wave = now;
        return still;
      })
      .toBe(true);
    const y = wave.y + wave.height / 2;
    await insp.mouse.move(wave.x + wave.width * 0.25, y);
    await insp.mouse.down();
    await insp.mouse.move(wave.x + wave.width * 0.32, y, { steps: 6 });
    await insp.mouse.move(wave.x + wave.width * 0.4, y, { steps: 6 });
    await insp.mouse.up();
    await expect.poll(() => modal.getByTestId('mark-example-region').count()).toBe(1);
    await expect.poll(() => modal.locator('[data-testid="player-waveform"] [part~="region"]').count()).toBeGreaterThanOrEqual(1);
    await modal.getByTestId('mark-example-items').click();
    await insp.keyboard.type('B1');
    await insp.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'B1 ' }).first().click();
    await modal.getByTestId('mark-example-note').fill('复述客户需求清楚完整，可作为范例');
    await modal.getByTestId('mark-example-tags').click();
    await insp.keyboard.type('复述');
    await insp.keyboard.press('Enter');
    // Close the tags' dropdown by clicking elsewhere in the dialog.
    await modal.locator('.ant-modal-title').click();
    await expect.poll(() => insp.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(0);
    await modal.getByTestId('mark-example-submit').click();
    await modal.waitFor({ state: 'hidden' });

    const listed = await call<{ items: { id: string; items: { code: string }[]; tags: string[]; regions: { start: number; end: number }[] }[] }>(
      inspector,
      'GET',
      `/examples?project=${project}`,
    );
    expect(listed.items).toHaveLength(1);
    const [example] = listed.items;
    expect(example.items.map((i) => i.code)).toEqual(['B1']);
    expect(example.tags).toEqual(['复述']);
    expect(example.regions).toHaveLength(1);
    const [{ start, end }] = example.regions;
    expect(start).toBeGreaterThan(3);
    expect(end).toBeGreaterThan(start);
    expect(end).toBeLessThanOrEqual(20);

    // A second example of the same call, a later moment, marked through the API.
    const second = await call<{ id: string }>(inspector, 'POST', '/examples', {
      evaluationId: evaluation.id,
      kind: 'bad',
      items: ['B1'],
      note: '这一段复述遗漏了办理时间',
      regions: [{ start: 12, end: 15 }],
    });

    // The supervisor, on the examples page: an example played from its moment, then a playlist of both, reordered.
    const sup = await signedIn(supervisorName);
    await sup.getByTestId('nav-examples').click();
    const row = sup.locator(`[data-testid="example-row"][data-example-id="${example.id}"]`);
    await row.waitFor();
    expect(await row.getByTestId('example-note').innerText()).toContain('复述客户需求');
    await row.getByTestId('example-play').click();
    await sup.getByTestId('example-player').waitFor();
    expect(await sup.getByTestId('example-audio').getAttribute('src')).toMatch(new RegExp(`/api/recordings/${recording.id}/audio#t=${start}$`));
    expect(await playingFrom(sup.getByTestId('example-player'))).toBeGreaterThanOrEqual(start - 0.05);

    await row.getByTestId('example-add-to-playlist').click();
    await sup.locator(`[data-testid="example-row"][data-example-id="${second.id}"]`).getByTestId('example-add-to-playlist').click();
    const entries = () => sup.getByTestId('playlist-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-example-id')));
    await expect.poll(entries).toEqual([example.id, second.id]);
    await sup.getByTestId('playlist-entry').nth(1).getByTestId('playlist-up').click();
    await expect.poll(entries).toEqual([second.id, example.id]);
    await sup.getByTestId('session-title').fill('第 49 周分享会');
    await sup.getByTestId('session-presenter').click();
    await sup.keyboard.type('班长丁');
    const presenterOptions = sup.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(() => presenterOptions.allInnerTexts()).toEqual([`班长丁${suffix} (${leadName})`]);
    await presenterOptions.first().click();
    await sup.getByTestId('session-save').click();
    await sup.getByTestId('playlist-builder').waitFor({ state: 'hidden' });

    // The session, opened: played one after another, each from its first moment.
    await sup.getByTestId('examples-tab-sessions').click();
    const session = sup.locator('[data-testid="session-row"]', { hasText: '第 49 周分享会' });
    await session.waitFor();
    expect(await session.innerText()).toContain(`班长丁${suffix}`);
    await session.getByTestId('session-open').click();
    const player = sup.getByTestId('session-player');
    await player.waitFor();
    expect(await player.getByTestId('session-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-example-id')))).toEqual([second.id, example.id]);
    expect(await sup.getByTestId('session-now').innerText()).toBe('第 1 / 2 通');
    expect(await player.getByTestId('example-audio').getAttribute('src')).toMatch(new RegExp(`/api/sharing-sessions/[0-9a-f-]{36}/examples/${second.id}/audio#t=12$`));
    expect(await playingFrom(player)).toBeGreaterThanOrEqual(12 - 0.05);
    await sup.getByTestId('session-next').click();
    expect(await sup.getByTestId('session-now').innerText()).toBe('第 2 / 2 通');
    expect(await player.getByTestId('example-audio').getAttribute('data-example-id')).toBe(example.id);
    expect(await playingFrom(player)).toBeGreaterThanOrEqual(start - 0.05);
    // The supervisor changes the saved session's order.
    await player.getByTestId('session-edit').click();
    await player.getByTestId('playlist-entry').first().getByTestId('playlist-down').click();
    await player.getByTestId('session-save').click();
    await player.getByTestId('playlist-builder').waitFor({ state: 'detached' });
    await expect.poll(() => player.getByTestId('session-entry').evaluateAll((els) => els.map((e) => e.getAttribute('data-example-id')))).toEqual([example.id, second.id]);
    const sessions = await call<{ items: { title: string; examples: { id: string }[] }[] }>(inspector, 'GET', `/sharing-sessions?project=${project}`);
    expect(sessions.items.find((x) => x.title === '第 49 周分享会')!.examples.map((e) => e.id)).toEqual([example.id, second.id]);
    const log = await call<{ items: { username: string; action: string }[] }>(admin, 'GET', `/recordings/access-log?recordingId=${recording.id}`);
    expect(log.items.filter((e) => e.username === supervisorName && e.action === 'play').length).toBeGreaterThanOrEqual(1);

    // The supervisor links the example to an FAQ entry; the inspector sees it there with a play button.
    const supervisor = await login(supervisorName, 'secret-pass-1');
    const entry = await call<{ id: string }>(supervisor, 'POST', '/faq', { question: `需求复述怎么做？${suffix}`, answer: '先听完，再用一句话复述客户的需求并确认。' });
    await call(supervisor, 'POST', `/faq/${entry.id}/publish`, { reason: '首版' });
    await sup.goto(`${app.baseUrl}/faq/entries/${entry.id}`);
    await sup.getByTestId('faq-examples-edit').click();
    await sup.getByTestId('faq-examples-select').click();
    await sup.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '复述客户需求' }).first().click();
    await sup.getByTestId('faq-examples-save').click();
    await sup.locator(`[data-testid="faq-example"][data-example-id="${example.id}"]`).waitFor();

    await insp.goto(`${app.baseUrl}/faq/entries/${entry.id}`);
    const linked = insp.locator(`[data-testid="faq-example"][data-example-id="${example.id}"]`);
    await linked.waitFor();
    expect(await linked.getByTestId('example-note').innerText()).toContain('复述客户需求');
    await linked.getByTestId('faq-example-play').click();
    expect(await linked.getByTestId('example-audio').getAttribute('src')).toMatch(new RegExp(`/api/faq/${entry.id}/examples/${example.id}/audio#t=${start}$`));
    expect(await playingFrom(linked)).toBeGreaterThanOrEqual(start - 0.05);

    // The inspector removes the second example he marked, from the examples page.
    await insp.goto(`${app.baseUrl}/examples`);
    // ... and changes the note of the first one.
    const firstRow = insp.locator(`[data-testid="example-row"][data-example-id="${example.id}"]`);
    await firstRow.getByTestId('example-edit').click();
    const editor = insp.getByTestId('mark-example-modal');
    await editor.getByTestId('mark-example-region').first().waitFor();
    await editor.getByTestId('mark-example-note').fill('复述完整，还确认了办理时间');
    await editor.getByTestId('mark-example-submit').click();
    await editor.waitFor({ state: 'hidden' });
    await expect.poll(() => firstRow.getByTestId('example-note').innerText()).toBe('复述完整，还确认了办理时间');
    const secondRow = insp.locator(`[data-testid="example-row"][data-example-id="${second.id}"]`);
    await secondRow.getByTestId('example-remove').click();
    await insp.getByTestId('example-remove-confirm').click();
    await secondRow.waitFor({ state: 'detached' });
    expect((await call<{ items: { id: string }[] }>(inspector, 'GET', `/examples?project=${project}`)).items.map((x) => x.id)).toEqual([example.id]);
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { politeTranscript, toneWav } from '../support/audio.js';
import { ADMIN_PASSWORD, launchBrowser, type RunningServer, signIn, startBuiltServer, waitForDemoCentre } from '../support/browser.js';

/**
 * The inspector's scoring workspace (/evaluate/:recordingId) on the built app with the demo centre:
 * marking a defect by dragging on the waveform, scoring by keyboard, submitting; the machine's
 * pre-failed forbidden phrase; two tabs saving the same draft (a conflict, never an overwrite); and a
 * draft submitted in another tab (locked, said in Chinese from the server's code).
 */

let server: RunningServer;
let browser: Browser;
let inspectorToken: string;

const VIEWPORT = { width: 1440, height: 900 };

async function login(username: string, password: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function api<T>(token: string, path: string): Promise<T> {
  const res = await fetch(`${server.baseUrl}/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function send<T>(token: string, method: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}/api${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface RecordingRow {
  id: string;
  agent: string;
  duration: number;
}
interface AutoChecks {
  results: { code: string; verdict: 'pass' | 'fail' | 'na' }[];
}

/** A refusal because the call is blind to the inspector (issue 15) reads as no verdicts; anything else still throws. */
const blindOnly = (error: Error): null => {
  if (/: 403 .*AUTO_CHECK_BLIND/.test(error.message)) return null;
  throw error;
};

/** A project of its own whose blind share is a half, one agent's two calls of a past day sampled: its new inspector's blind call. */
async function blindCallOfItsOwn(): Promise<{ username: string; recordingId: string; reason: string }> {
  const admin = await login('admin', ADMIN_PASSWORD);
  const suffix = Date.now().toString(36).slice(-5).toUpperCase();
  const [project, team, agent, username] = [`PB${suffix}`, `TB${suffix}`, `BA${suffix}`, `blind${suffix}`.toLowerCase()];
  const { id } = await send<{ id: string }>(admin, 'POST', '/projects', { code: project, name: '盲评项目' });
  await send(admin, 'POST', '/teams', { code: team, name: '盲评班组', project });
  await send(admin, 'POST', '/agents', { employeeNo: agent, name: '王盲评', team, hiredAt: '2020-01-01', grade: 'A' });
  await send(admin, 'POST', '/users', { username, password: 'secret-pass-1', displayName: '盲评质检员', roles: ['inspector'], projects: [project] });
  await send(admin, 'PUT', `/projects/${id}/blind-share`, { share: 0.5 });
  const day = '2026-11-20';
  for (let i = 0; i < 2; i++) {
    const form = new FormData();
    form.append('audio', new Blob([new Uint8Array(toneWav(31))], { type: 'audio/wav' }), 'call.wav');
    form.append('metadata', JSON.stringify({ externalId: `blind-${suffix}-${i}`, agent, startedAt: `${day}T10:0${i}:00+08:00`, direction: 'inbound' }));
    form.append('transcript', JSON.stringify(politeTranscript()));
    const res = await fetch(`${server.baseUrl}/api/recordings`, { method: 'POST', headers: { Authorization: `Bearer ${admin}` }, body: form });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  await send(admin, 'POST', '/sampling/runs', { project, date: day });
  const token = await login(username, 'secret-pass-1');
  const queue = await api<{ items: { recordingId: string; blind: boolean; reason: string }[] }>(token, `/sampling/queue?date=${day}`);
  const blind = queue.items.find((a) => a.blind);
  if (!blind) throw new Error(`no blind call in ${JSON.stringify(queue.items)}`);
  return { username, recordingId: blind.recordingId, reason: blind.reason };
}

/** Calls given to a test already: each test scores a call of its own. */
const used = new Set<string>();

/** A call of project CS with a transcript on which no automatic rule failed, for clean scoring. */
async function cleanCall(): Promise<RecordingRow> {
  const { items } = await api<{ items: RecordingRow[] }>(inspectorToken, '/recordings?project=CS&hasTranscript=true&pageSize=100');
  // The demo centre's follow-up has already scored some calls: those open read-only.
  const scored = new Set((await api<{ items: { recordingId: string }[] }>(inspectorToken, '/evaluations?pageSize=500')).items.map((e) => e.recordingId));
  for (const r of items) {
    if (used.has(r.id) || scored.has(r.id)) continue;
    // A call the inspector is to score blind answers 403 AUTO_CHECK_BLIND: it has no suggestions to test here.
    const checks = await api<AutoChecks>(inspectorToken, `/recordings/${r.id}/auto-checks`).catch(blindOnly);
    if (checks && checks.results.some((c) => c.verdict !== 'na') && checks.results.every((c) => c.verdict !== 'fail')) {
      used.add(r.id);
      return r;
    }
  }
  throw new Error('no call of CS without a failed rule');
}

async function openWorkspace(page: Page, recordingId: string): Promise<void> {
  await page.goto(`${server.baseUrl}/evaluate/${recordingId}`);
  await page.getByTestId('workspace').waitFor();
  await page.locator('[data-testid="call-player"][data-ready="true"]').waitFor();
}

async function signedInContext(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await signIn(page, server.baseUrl, 'inspector1', 'demo1234');
  await page.getByTestId('nav-home').waitFor();
  return { context, page };
}

const selectedCode = (page: Page) => page.locator('[data-testid^="item-"][data-selected="true"]').evaluate((el) => el.getAttribute('data-testid')!.slice('item-'.length));

const liveScore = async (page: Page) => Number(await page.getByTestId('live-score').getAttribute('data-score'));

/** The waveform's regions: elements with part "region" in wavesurfer's open shadow root (Playwright's CSS pierces it). */
const waveformRegions = (page: Page) => page.locator('[data-testid="player-waveform"] [part~="region"]');

beforeAll(async () => {
  server = await startBuiltServer({ DEMO_CALL_DAYS: '1' });
  browser = await launchBrowser();
  // The demo calls are ingested and checked in the background after start: the tests pick calls
  // by their automatic results (clean ones, ones with a forbidden phrase), so all must be in.
  await waitForDemoCentre(server, 150_000);
  inspectorToken = await login('inspector1', 'demo1234');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the scoring workspace', () => {
  it('marks a defect by dragging on the waveform, scores the rest by keyboard, submits, and the agent’s history shows it', async () => {
    const call = await cleanCall();
    const { context, page } = await signedInContext();
    await openWorkspace(page, call.id);
    await page.screenshot({ path: '/tmp/workspace-open.png' });
    const before = await liveScore(page);
    expect(await page.getByTestId('live-score').innerText()).toContain('分');

    // Drag across a stretch of the waveform with the mouse.
    const wave = (await page.getByTestId('player-waveform').boundingBox())!;
    const y = wave.y + wave.height / 2;
    await page.mouse.move(wave.x + wave.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(wave.x + wave.width * 0.36, y, { steps: 6 });
    await page.mouse.move(wave.x + wave.width * 0.42, y, { steps: 6 });
    await page.mouse.up();
    await page.getByTestId('defect-form').waitFor();
    // Tie it to B1 with a note.
    await page.getByTestId('defect-item').click();
    await page.keyboard.type('B1');
    await page.locator('.ant-select-item-option', { hasText: 'B1 ' }).click();
    await page.locator('[data-testid="defect-item"]', { hasText: 'B1 ' }).waitFor();
    await page.getByTestId('defect-note').fill('未复述客户需求');
    await page.screenshot({ path: '/tmp/workspace-defect-form.png' });
    await page.getByTestId('defect-confirm').click();
    await page.locator('[data-testid="item-B1"][data-verdict="fail"]').waitFor();
    await page.locator('[data-testid="defect"][data-code="B1"]').waitFor();
    expect(await page.getByTestId('item-B1-comment').inputValue()).toContain('未复述客户需求');
    const at = Number(await page.locator('[data-testid="defect"][data-code="B1"]').getAttribute('data-at'));
    expect(at).toBeGreaterThan(call.duration * 0.2);
    expect(at).toBeLessThan(call.duration * 0.4);
    await page.locator('[data-testid="player-waveform"] [part~="defect-B1"]').waitFor({ state: 'attached' });
    expect(await waveformRegions(page).count()).toBeGreaterThanOrEqual(1);
    const afterDefect = await liveScore(page);
    expect(afterDefect).toBeLessThan(before);
    await page.screenshot({ path: '/tmp/workspace-defect.png' });

    // Every remaining item by keyboard: ↓/↑ to it, 1 for pass.
    const codes = await page.locator('[data-testid^="item-"][data-verdict]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('item-'.length)));
    expect(codes).toContain('B1');
    for (const code of codes) {
      if ((await page.getByTestId(`item-${code}`).getAttribute('data-verdict')) !== '') continue;
      for (let guard = 0; (await selectedCode(page)) !== code; guard++) {
        expect(guard).toBeLessThan(codes.length);
        await page.keyboard.press(codes.indexOf(await selectedCode(page)) < codes.indexOf(code) ? 'ArrowDown' : 'ArrowUp');
      }
      await page.keyboard.press('1');
      await page.locator(`[data-testid="item-${code}"][data-verdict="pass"]`).waitFor();
    }
    expect(await page.getByTestId('scored-count').innerText()).toContain(`${codes.length}/${codes.length}`);
    const finalLive = await liveScore(page);
    expect(finalLive).not.toBe(afterDefect);
    expect(finalLive).toBeLessThan(100);
    // Typing a comment does not score: "2" goes into the field, not to the item.
    await page.getByTestId('item-B1-comment').click();
    await page.keyboard.type(' 2');
    expect(await page.getByTestId('item-B1').getAttribute('data-verdict')).toBe('fail');
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    await page.screenshot({ path: '/tmp/workspace-scored.png' });

    // Submit with Ctrl+Enter: the form locks and shows the server's score.
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-testid="live-score"][data-final="true"]').waitFor();
    await page.getByTestId('next-call').waitFor();
    expect(await page.getByTestId('submit-evaluation').count()).toBe(0);
    expect(await page.getByTestId('item-B1-fail').count()).toBe(0);
    const evaluationId = (await page.getByTestId('workspace').getAttribute('data-evaluation-id'))!;
    const stored = await api<{ score: number; status: string; items: { code: string; verdict: string; at: number | null; comment: string | null }[] }>(
      inspectorToken,
      `/evaluations/${evaluationId}`,
    );
    expect(stored.status).toBe('submitted');
    expect(stored.score).toBe(finalLive);
    expect(await liveScore(page)).toBe(stored.score);
    const b1 = stored.items.find((i) => i.code === 'B1')!;
    expect(b1.verdict).toBe('fail');
    expect(b1.at).toBeCloseTo(at, 1);
    expect(b1.comment).toContain('未复述客户需求 2');
    await page.screenshot({ path: '/tmp/workspace-submitted.png' });

    // N asks the queue for the next call: another call's workspace, or word that the queue is done.
    await page.keyboard.press('n');
    await page.waitForFunction((id) => !location.pathname.endsWith(id) || document.querySelector('[data-testid="queue-done"]') !== null, call.id);
    if (!page.url().endsWith(call.id)) {
      expect(new URL(page.url()).pathname).toMatch(/^\/evaluate\/[0-9a-f-]{36}$/);
      await page.getByTestId('workspace').waitFor();
    }

    // Opening the call again shows it read-only.
    await openWorkspace(page, call.id);
    await page.locator('[data-testid="workspace"][data-status="submitted"]').waitFor();
    expect(await page.getByTestId('workspace').getAttribute('data-evaluation-id')).toBe(evaluationId);

    // The agent's history lists it.
    await page.goto(`${server.baseUrl}/agents/${call.agent}`);
    await page.getByTestId(`agent-evaluation-${evaluationId}`).waitFor();
    const listed = await api<{ items: { id: string }[] }>(inspectorToken, `/evaluations?agent=${call.agent}&pageSize=100`);
    expect(listed.items.map((e) => e.id)).toContain(evaluationId);
    await context.close();
  }, 120_000);

  it('opens a blind call without the machine’s verdicts and says so; once submitted they show, and the supervisor reads the blind agreement', async () => {
    // A project of its own, half of its daily picks blind: the demo's draw for inspector1 varies with the day.
    const blind = await blindCallOfItsOwn();
    expect(blind.reason).toBe('blind');
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, blind.username, 'secret-pass-1');
    await page.getByTestId('nav-home').waitFor();
    await page.goto(`${server.baseUrl}/queue`);
    const row = page.locator(`[data-testid="queue-row"][data-recording-id="${blind.recordingId}"]`);
    expect(await row.getByTestId('reason-tag').innerText()).toBe('盲评');

    await openWorkspace(page, blind.recordingId);
    await page.getByTestId('blind-banner').waitFor();
    await page.screenshot({ path: '/tmp/workspace-blind.png' });
    expect(await page.locator('[data-testid^="item-"][data-testid$="-auto"]').count()).toBe(0);
    const codes = await page.locator('[data-testid^="item-"][data-verdict]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.slice('item-'.length)));
    for (const code of codes) expect(await page.getByTestId(`item-${code}`).getAttribute('data-verdict')).toBe('');

    // By ear alone: A passes every open item (not listened to the end, so it asks first).
    await page.keyboard.press('a');
    await page.getByTestId('pass-rest-confirm').waitFor();
    await page.getByTestId('pass-rest-ok').click();
    await page.getByTestId('pass-rest-confirm').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('scored-count').innerText(), { timeout: 15_000 }).toContain(`${codes.length}/${codes.length}`);
    await page.screenshot({ path: '/tmp/workspace-blind-scored.png' });
    await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    await page.getByTestId('submit-evaluation').click();
    await page.locator('[data-testid="live-score"][data-final="true"]').waitFor();
    expect(await page.getByTestId('blind-banner').count()).toBe(0);
    await page.locator('[data-testid^="item-"][data-testid$="-auto"]').first().waitFor();
    await context.close();

    // The supervisor's checklist page names the figures: blind agreement, precision, recall, and overturned suggestions.
    const supervisor = await browser.newContext({ viewport: VIEWPORT });
    const sp = await supervisor.newPage();
    await signIn(sp, server.baseUrl, 'supervisor', 'demo1234');
    await sp.getByTestId('nav-home').waitFor();
    await sp.goto(`${server.baseUrl}/checklists`);
    await sp.getByTestId('checklist-tab-agreement').click();
    const table = sp.getByTestId('autocheck-agreement');
    await table.locator('[data-testid^="agreement-row-"]').first().waitFor();
    for (const title of ['盲评（如实衡量）', '精确率', '召回率', '推翻率']) expect(await table.innerText()).toContain(title);
    await sp.screenshot({ path: '/tmp/checklists-agreement.png', fullPage: true });
    await supervisor.close();
  }, 120_000);

  it('opens a call with a forbidden phrase with FORBIDDEN pre-failed by the machine and marked on the waveform', async () => {
    const { items } = await api<{ items: RecordingRow[] }>(inspectorToken, '/recordings?failed=FORBIDDEN&project=CS&pageSize=5');
    expect(items.length).toBeGreaterThan(0);
    const { context, page } = await signedInContext();
    await openWorkspace(page, items[0].id);

    await page.locator('[data-testid="item-FORBIDDEN"][data-verdict="fail"]').waitFor();
    expect(await page.getByTestId('item-FORBIDDEN-auto').getAttribute('data-auto')).toBe('fail');
    expect(await page.getByTestId('item-FORBIDDEN-auto').innerText()).toContain('机器：不合格');
    expect(await page.getByTestId('item-FORBIDDEN-critical').innerText()).toBe('致命');
    await page.locator('[data-testid="defect"][data-code="FORBIDDEN"]').waitFor();
    await waveformRegions(page).first().waitFor({ state: 'attached' });
    expect(await waveformRegions(page).count()).toBeGreaterThanOrEqual(1);
    // A failed critical item: the live score is 0 and says fatal.
    expect(await page.getByTestId('live-score').getAttribute('data-fatal')).toBe('true');
    expect(await liveScore(page)).toBe(0);
    await page.getByTestId('score-fatal').waitFor();
    // The forbidden phrase is highlighted in the transcript.
    expect(await page.getByTestId('transcript-highlight').count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/workspace-forbidden.png' });

    // Clicking the defect's time seeks the audio there.
    const defectAt = Number(await page.locator('[data-testid="defect"][data-code="FORBIDDEN"]').getAttribute('data-at'));
    await page.getByTestId('item-FORBIDDEN-seek').click();
    await page.waitForFunction((t) => Math.abs(Number(document.querySelector('[data-testid="player-time"]')?.getAttribute('data-current-time')) - t) < 0.2, defectAt);

    // A transcript line's "标记问题": the line's times become the chosen item's defect.
    await page.getByTestId('item-A7').click();
    const line = page.getByTestId('transcript-line').nth(1);
    const start = Number(await line.getAttribute('data-start'));
    await line.hover();
    await line.getByTestId('mark-line').click();
    await page.getByTestId('defect-form').waitFor();
    await page.getByTestId('defect-confirm').click();
    await page.locator('[data-testid="defect"][data-code="A7"]').waitFor();
    expect(Number(await page.locator('[data-testid="defect"][data-code="A7"]').getAttribute('data-at'))).toBeCloseTo(start, 1);
    expect(await page.getByTestId('item-A7').getAttribute('data-verdict')).toBe('fail');

    // The keyboard help.
    await page.keyboard.press('?');
    await page.getByTestId('keyboard-help').waitFor();
    expect(await page.getByTestId('keyboard-help').innerText()).toContain('Ctrl + Enter');
    await context.close();
  }, 120_000);

  it('shows a conflict, never an overwrite, when another tab saved the draft first; reloading shows that tab’s change', async () => {
    const call = await cleanCall();
    const { context, page: a } = await signedInContext();
    await openWorkspace(a, call.id);
    const b = await context.newPage();
    await b.setViewportSize(VIEWPORT);
    await openWorkspace(b, call.id);
    expect(await b.getByTestId('workspace').getAttribute('data-evaluation-id')).toBe(await a.getByTestId('workspace').getAttribute('data-evaluation-id'));

    // Tab A changes B2 and saves.
    await a.getByTestId('item-B2-fail').click();
    await a.locator('[data-testid="save-status"][data-status="saved"]').waitFor();

    // Tab B changes B3: its save is refused, and it says so and stops.
    await b.getByTestId('item-B3-pass').click();
    await b.getByTestId('save-conflict').waitFor();
    expect(await b.getByTestId('save-conflict').innerText()).toContain('重新加载');
    expect(await b.getByTestId('save-status').getAttribute('data-status')).toBe('conflict');
    expect(await b.getByTestId('save-conflict').locator('.ant-alert-close-icon').count()).toBe(0);
    await b.screenshot({ path: '/tmp/workspace-conflict.png' });
    // A's change is on the server, untouched by B.
    const id = (await a.getByTestId('workspace').getAttribute('data-evaluation-id'))!;
    const onServer = await api<{ items: { code: string; verdict: string | null }[] }>(inspectorToken, `/evaluations/${id}`);
    expect(onServer.items.find((i) => i.code === 'B2')!.verdict).toBe('fail');
    expect(onServer.items.find((i) => i.code === 'B3')!.verdict).toBeNull();

    // Reloading B shows A's change; B can then carry on and save.
    await b.getByTestId('reload-draft').click();
    await b.getByTestId('save-conflict').waitFor({ state: 'detached' });
    expect(await b.getByTestId('item-B2').getAttribute('data-verdict')).toBe('fail');
    expect(await b.getByTestId('item-B3').getAttribute('data-verdict')).toBe('');
    await b.getByTestId('item-B3-pass').click();
    await b.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
    const after = await api<{ items: { code: string; verdict: string | null }[] }>(inspectorToken, `/evaluations/${id}`);
    expect(after.items.find((i) => i.code === 'B2')!.verdict).toBe('fail');
    expect(after.items.find((i) => i.code === 'B3')!.verdict).toBe('pass');
    await context.close();
  }, 120_000);

  it('says a draft submitted in another tab is locked (EVALUATION_LOCKED), not that someone saved meanwhile, and reloading shows it submitted', async () => {
    const call = await cleanCall();
    const { context, page } = await signedInContext();
    await openWorkspace(page, call.id);
    const id = (await page.getByTestId('workspace').getAttribute('data-evaluation-id'))!;

    // "Another tab": the same inspector scores everything and submits through the API.
    const draft = await api<{ revision: number; items: { code: string }[] }>(inspectorToken, `/evaluations/${id}`);
    const saved = await send<{ revision: number }>(inspectorToken, 'PUT', `/evaluations/${id}`, {
      revision: draft.revision,
      items: draft.items.map((i) => ({ code: i.code, verdict: 'pass' })),
    });
    await send(inspectorToken, 'POST', `/evaluations/${id}/submit`, { revision: saved.revision });

    // This tab changes an item: its save is refused as locked, and it says so in Chinese.
    await page.getByTestId('item-B3-fail').click();
    const locked = page.getByTestId('save-locked');
    await locked.waitFor();
    const text = await locked.innerText();
    expect(text).toContain('已在别处提交');
    expect(text).toContain('重新加载');
    expect(text).not.toContain('保存了这份草稿');
    expect(text).not.toMatch(/[A-Za-z]{4,}/);
    expect(await page.getByTestId('save-conflict').count()).toBe(0);
    expect(await page.getByTestId('save-status').getAttribute('data-status')).toBe('locked');
    expect(await page.getByTestId('submit-evaluation').isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/workspace-locked.png' });

    // Reloading shows the submitted evaluation, read-only.
    await page.getByTestId('reload-draft').click();
    await page.locator('[data-testid="workspace"][data-status="submitted"]').waitFor();
    expect(await page.getByTestId('workspace').getAttribute('data-evaluation-id')).toBe(id);
    const onServer = await api<{ status: string; items: { code: string; verdict: string | null }[] }>(inspectorToken, `/evaluations/${id}`);
    expect(onServer.status).toBe('submitted');
    expect(onServer.items.find((i) => i.code === 'B3')!.verdict).toBe('pass');
    await context.close();
  }, 120_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase } from './database.js';
import { waitFor } from './wait-for.js';

export const ADMIN_PASSWORD = 'admin-browser-pass';
/** The demo users' password in browser tests (DEMO_PASSWORD; without it each demo user gets a random one). */
export const DEMO_PASSWORD = 'demo1234';
const MAIN = path.resolve('dist/server/src/main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the BUILT server (`npm test` builds first) as its own process with the demo centre,
 * so the browser tests also prove that dist/ starts (STACK.md trap 4).
 */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(MAIN)) throw new Error('dist/ is missing: run `npm run build` (npm test does) before the browser tests');
  const db = await createTestDatabase();
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qa-browser-data-'));
  const child: ChildProcess = spawn(process.execPath, [MAIN, '--demo'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      QA_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      DEMO_DATA: '1',
      DEMO_PASSWORD,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
      return fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    },
    { timeoutMs: 60_000, intervalMs: 200, what: () => `the server to answer /api/health:\n${output}` },
  );
  return {
    baseUrl,
    databaseUrl: db.url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      await db.drop();
    },
  };
}

/**
 * The demo centre stores its calls in the background after start and samples each project's days
 * last, the day before today at the very end (server/src/demo/demo.service.ts). Once every project
 * has its run for yesterday, every demo call is stored and auto-checked and nothing more arrives.
 */
export async function waitForDemoCentre(server: RunningServer, timeoutMs = 180_000): Promise<void> {
  const login = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`admin sign-in: ${login.status}`);
  const headers = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  const projects = ((await (await fetch(`${server.baseUrl}/api/projects`, { headers })).json()) as { items: { code: string }[] }).items.map((p) => p.code);
  const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));
  let waiting = projects;
  await waitFor(
    async () => {
      const sampled = await Promise.all(waiting.map(async (code) => (await fetch(`${server.baseUrl}/api/sampling/runs/${code}?date=${yesterday}`, { headers })).ok));
      waiting = waiting.filter((_, i) => !sampled[i]);
      return waiting.length === 0;
    },
    { timeoutMs, intervalMs: 500, what: () => `the demo centre's sampling of ${yesterday} for ${waiting.join(', ')}` },
  );
}

/** Debian's Chromium with the flags known to work here (STACK.md trap 10); Playwright gives it a fresh profile. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** A JSON (or multipart) API request to a running server, as a test script sets up its data; throws on a non-2xx answer. */
export async function apiCall<T>(baseUrl: string, token: string | null, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/api${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Signs in through the API and answers the bearer token. */
export const apiLogin = async (baseUrl: string, username: string, password: string): Promise<string> =>
  (await apiCall<{ accessToken: string }>(baseUrl, null, 'POST', '/auth/login', { username, password })).accessToken;

/**
 * A browser test file's app: the built server with a one-day demo centre and Debian's Chromium, started
 * before the file's tests and stopped after them, with the API and a signed-in page at hand. Call it at
 * the top of the file.
 */
export function useBrowserApp(env: Record<string, string> = { DEMO_CALL_DAYS: '1' }) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startBuiltServer(env);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !browser) throw new Error('useBrowserApp: the server is not started yet (use it inside a test)');
    return { server, browser };
  };
  return {
    get baseUrl() {
      return started().server.baseUrl;
    },
    get browser() {
      return started().browser;
    },
    call: <T>(token: string | null, method: string, path: string, body?: unknown) => apiCall<T>(started().server.baseUrl, token, method, path, body),
    login: (username: string, password: string) => apiLogin(started().server.baseUrl, username, password),
    /** A new page in Chinese (Shanghai time), signed in as the user, once the menu shows `nav` (a data-testid). */
    async signedIn(username: string, nav: string, password = 'secret-pass-1'): Promise<Page> {
      const context = await started().browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await signIn(page, started().server.baseUrl, username, password);
      await page.getByTestId(nav).waitFor();
      return page;
    },
  };
}

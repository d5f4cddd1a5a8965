import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '#scripts/import/import-runner.js';
import { ManifestError } from '#scripts/import/manifest.js';
import type { ImportProgress } from '#scripts/import/progress.js';
import { signIn, SignInError } from '#scripts/import/recordings-client.js';
import { politeTranscript, toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let baseUrl: string;
let days = 0;

const HEADER = 'externalId,agent,startedAt,direction,customerNumber,audio,transcript,businessType,channels';
const AT = '2026-11-27T09:30:00+08:00';

/**
 * A day's folder as a recording system leaves it: good calls and the usual mistakes. The calls'
 * externalIds start with `prefix` and are of `agent`, so that each test has a day of its own.
 */
async function writeDay(dir: string, agent: string, prefix: string): Promise<void> {
  await mkdir(path.join(dir, 'audio'));
  await mkdir(path.join(dir, 'text'));
  const files: Record<string, string | Buffer> = {
    'audio/imp-1.wav': toneWav(2),
    'audio/imp-2.wav': toneWav(1, { channels: 2 }),
    'audio/imp-3.wav': toneWav(1),
    'audio/notes.txt': 'not audio at all, just the supervisor’s notes',
    'audio/imp-6.wav': toneWav(1),
    'audio/imp-7.wav': toneWav(1),
    'audio/imp-8.wav': toneWav(1.5),
    'text/imp-1.json': JSON.stringify(politeTranscript()),
    'text/broken.json': '{"segments": [{"speaker": "agent", ',
  };
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  const manifest = [
    HEADER,
    `${prefix}-1,${agent},${AT},inbound,13812345678,audio/imp-1.wav,text/imp-1.json,话费查询,`, // line 2: good, with transcript
    `${prefix}-2,${agent},${AT},outbound,,audio/imp-2.wav,,,stereo-agent-left`, // 3: good, stereo
    `${prefix}-3,NOBODY,${AT},inbound,,audio/imp-3.wav,,,`, // 4: server 400
    `${prefix}-4,${agent},${AT},inbound,,audio/missing.wav,,,`, // 5: refused here
    `${prefix}-5,${agent},${AT},inbound,,audio/notes.txt,,,`, // 6: server 415
    `${prefix}-6,${agent},${AT},inbound,,audio/imp-6.wav,text/broken.json,,`, // 7: refused here
    `${prefix}-7,${agent},,inbound,,audio/imp-7.wav,,,`, // 8: refused here
    `${prefix}-8,${agent},${AT},inbound,,audio/imp-8.wav,,,`, // 9: good
  ];
  await writeFile(path.join(dir, 'manifest.csv'), `${manifest.join('\n')}\n`);
}

const expectedRefusals = (prefix: string) => [
  { line: 4, externalId: `${prefix}-3`, reason: expect.stringMatching(/^400 .*metadata\.agent/) },
  { line: 5, externalId: `${prefix}-4`, reason: 'audio file audio/missing.wav not found' },
  { line: 6, externalId: `${prefix}-5`, reason: expect.stringMatching(/^415 .*audio/) },
  { line: 7, externalId: `${prefix}-6`, reason: expect.stringContaining('transcript file text/broken.json is not valid JSON') },
  { line: 8, externalId: `${prefix}-7`, reason: 'missing startedAt' },
];

async function newAgent(): Promise<string> {
  const b = builders(t);
  return (await b.agent((await b.team((await b.project()).code)).code)).employeeNo;
}

/** A day's folder of an agent of its own, not imported yet. */
async function newDay() {
  const agent = await newAgent();
  const prefix = `imp${++days}`;
  const folder = await mkdtemp(path.join(os.tmpdir(), 'qa-import-day-'));
  await writeDay(folder, agent, prefix);
  return { agent, prefix, folder };
}

const storedRecordings = async () => {
  const [{ n }] = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM recordings');
  return n as number;
};

beforeAll(async () => {
  t = await startTestApp({ DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'qa-import-data-')) });
  await t.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
});
afterAll(() => t?.close());

describe('runImport (npm run import)', () => {
  it('imports the good calls and refuses the others with their manifest line and reason', async () => {
    const { prefix, folder } = await newDay();
    const seen: ImportProgress[] = [];
    const summary = await runImport({ folder, baseUrl, token: t.adminToken, concurrency: 4, onProgress: (p) => seen.push(p) });

    expect(summary).toMatchObject({ total: 8, done: 8, imported: 3, skipped: 0, refused: 5 });
    expect(summary.refusedCalls).toEqual(expectedRefusals(prefix));
    expect(seen[0]).toMatchObject({ done: 0, total: 8 });
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);

    const report = await readFile(path.join(folder, 'import-report.csv'), 'utf8');
    expect(summary.reportFile).toBe(path.join(folder, 'import-report.csv'));
    expect(report.startsWith(`\uFEFFline,externalId,reason\r\n4,${prefix}-3,`)).toBe(true);
    expect(report).toContain(`\r\n5,${prefix}-4,audio file audio/missing.wav not found\r\n`);
    expect(report).toContain(`\r\n8,${prefix}-7,missing startedAt\r\n`);
    expect(report.trimEnd().split('\r\n')).toHaveLength(6);
  });

  it('stores the imported calls as the manifest described them', async () => {
    const { agent, prefix, folder } = await newDay();
    const before = await storedRecordings();
    await runImport({ folder, baseUrl, token: t.adminToken, concurrency: 4 });
    const res = await t.as(t.adminToken).get(`/api/recordings?agent=${agent}&from=2026-11-27&to=2026-11-27&pageSize=50`);
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.items.map((r: { externalId: string }) => [r.externalId, r]));
    expect(Object.keys(byId).sort()).toEqual([`${prefix}-1`, `${prefix}-2`, `${prefix}-8`]);
    expect(byId[`${prefix}-1`]).toMatchObject({ hasTranscript: true, businessType: '话费查询', customerNumber: '13812345678', duration: 2, direction: 'inbound' });
    expect(byId[`${prefix}-2`]).toMatchObject({ channels: 'stereo-agent-left', direction: 'outbound', hasTranscript: false, customerNumber: null });
    expect(byId[`${prefix}-8`]).toMatchObject({ duration: 1.5, channels: 'mono' });
    expect(await storedRecordings()).toBe(before + 3);
  });

  it('run again, skips what is already in, stores nothing new and refuses the same rows', async () => {
    const { prefix, folder } = await newDay();
    expect(await runImport({ folder, baseUrl, token: t.adminToken, concurrency: 4 })).toMatchObject({ imported: 3 });
    const before = await storedRecordings();
    const summary = await runImport({ folder, baseUrl, token: t.adminToken, concurrency: 2 });
    expect(summary).toMatchObject({ total: 8, imported: 0, skipped: 3, refused: 5 });
    expect(summary.refusedCalls).toEqual(expectedRefusals(prefix));
    expect(await storedRecordings()).toBe(before);
  });

  it('refuses every call it may not post, without storing any', async () => {
    const agent = await newAgent();
    const inspector = await builders(t).user({ roles: ['inspector'] });
    const before = await storedRecordings();
    const day = await mkdtemp(path.join(os.tmpdir(), 'qa-import-day-'));
    await mkdir(path.join(day, 'audio'));
    await writeFile(path.join(day, 'audio/x.wav'), toneWav(1));
    await writeFile(path.join(day, 'manifest.csv'), `${HEADER}\nimp-x,${agent},${AT},inbound,,audio/x.wav,,,\n`);
    const summary = await runImport({ folder: day, baseUrl, token: inspector.token });
    expect(summary.refusedCalls).toEqual([{ line: 2, externalId: 'imp-x', reason: expect.stringMatching(/^403 /) }]);
    expect(await storedRecordings()).toBe(before);
  });

  it('stops before any call for a folder without a manifest', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'qa-import-empty-'));
    await expect(runImport({ folder: empty, baseUrl, token: t.adminToken })).rejects.toThrow(ManifestError);
    await expect(runImport({ folder: empty, baseUrl, token: t.adminToken })).rejects.toThrow('no manifest.csv');
  });
});

describe('signIn (QA_USER / QA_PASSWORD)', () => {
  it('answers a token the API accepts, and a SignInError for a wrong password', async () => {
    const token = await signIn(baseUrl, 'admin', ADMIN_PASSWORD);
    expect((await t.as(token).get('/api/recordings')).status).toBe(200);
    await expect(signIn(baseUrl, 'admin', 'not-the-password')).rejects.toThrow(SignInError);
  });
});

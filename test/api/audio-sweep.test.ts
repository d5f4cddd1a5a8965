/**
 * The orphan audio sweep (issue 16, faults): an ingest stores the audio, then the row; a process
 * killed between the two leaves audio that no recording names. The hourly sweep removes such audio
 * once it is older than AUDIO_SWEEP_MINUTES, on either storage, and never a recording's audio, one
 * being written, or a key the server does not make.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIO_SWEEP, AudioSweep } from '#server/recordings/audio-sweep.js';
import { AudioStorage, sha256Hex } from '#server/recordings/storage/audio-storage.js';
import { JobQueue } from '#server/jobs/job-queue.js';
import { toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { startS3, type TestS3 } from '../support/s3.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { waitFor } from '../support/wait-for.js';

let s3: TestS3;
const dirs: string[] = [];
beforeAll(async () => {
  s3 = await startS3('qa-sweep');
});
afterAll(async () => {
  await s3?.stop();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

const MINUTE = 60_000;
const bytes = toneWav(1);

interface Centre {
  t: TestApp;
  dataDir: string;
  storage: AudioStorage;
  sweep: AudioSweep;
  /** Writes a file in the store's own space that is no object the server made (local only), or null. */
  stray(key: string): Promise<string | null>;
  ingest(): Promise<{ id: string; key: string }>;
  keys(): Promise<string[]>;
}

const kinds: { kind: string; env: () => Record<string, string>; local: boolean }[] = [
  { kind: 'local', env: () => ({}), local: true },
  { kind: 's3', env: () => s3.env, local: false },
];

async function centre(env: Record<string, string>, local: boolean): Promise<Centre> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qa-sweep-'));
  dirs.push(dataDir);
  const t = await startTestApp({ ...env, DATA_DIR: dataDir, AUDIO_SWEEP_MINUTES: '60' });
  const b = builders(t);
  const agent = await b.agent((await b.team((await b.project()).code)).code);
  const storage = t.app.get(AudioStorage);
  const keys = async () => {
    const all: string[] = [];
    for await (const o of storage.list()) all.push(o.key);
    return all.sort();
  };
  return {
    t,
    dataDir,
    storage,
    sweep: t.app.get(AudioSweep),
    stray: async (key) => {
      if (!local) return null;
      await writeFile(path.join(dataDir, 'audio', key), 'x');
      return key;
    },
    async ingest() {
      const res = await t
        .as(t.adminToken)
        .post('/api/recordings')
        .attach('audio', bytes, { filename: 'call.wav', contentType: 'application/octet-stream' })
        .field(
          'metadata',
          JSON.stringify({ externalId: `sweep-${randomUUID()}`, agent: agent.employeeNo, startedAt: '2026-11-20T09:30:00+08:00', direction: 'inbound' }),
        );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return { id: res.body.id as string, key: (await keys()).find((k) => k.includes(res.body.id as string))! };
    },
    keys,
  };
}

describe.each(kinds)('the sweep on $kind storage', ({ env, local }) => {
  let c: Centre;
  beforeAll(async () => {
    c = await centre(env(), local);
  });
  afterAll(() => c?.t.close());

  it('removes old audio without a row (and half-written files), keeps recordings’ audio, young audio and foreign keys', async () => {
    const kept = await c.ingest();
    const orphan = `2026/11/20/${randomUUID()}.wav`;
    await c.storage.put(orphan, bytes, sha256Hex(bytes));
    const partial = `2026/11/20/${randomUUID()}.wav.partial-4242-1764000000000`;
    await c.storage.put(partial, bytes, sha256Hex(bytes));
    const foreign = await c.storage.put('2026/11/20/readme.txt', bytes, sha256Hex(bytes)).then(() => '2026/11/20/readme.txt');
    const stray = await c.stray('notes.txt');

    // Half an hour on, everything is younger than the hour of grace: an ingest might still be writing its row.
    const early = await c.sweep.sweep(new Date(Date.now() + 30 * MINUTE));
    expect(early.removed).toEqual([]);
    expect(early.looked).toBe(3);
    expect(await c.keys()).toEqual([kept.key, orphan, partial, foreign, ...(stray ? [stray] : [])].sort());

    const late = await c.sweep.sweep(new Date(Date.now() + 61 * MINUTE));
    expect(late.removed.sort()).toEqual([orphan, partial].sort());
    expect(await c.keys()).toEqual([kept.key, foreign, ...(stray ? [stray] : [])].sort());
    // The recording still plays, whole.
    const audio = await c.t.as(c.t.adminToken).get(`/api/recordings/${kept.id}/audio`).buffer(true);
    expect(audio.status).toBe(200);
    expect(Buffer.compare(audio.body as Buffer, bytes)).toBe(0);
    // A second sweep finds nothing more to do.
    expect((await c.sweep.sweep(new Date(Date.now() + 61 * MINUTE))).removed).toEqual([]);
  });

  it('audio under a recording’s id but another key (a copy left by a move) is an orphan too', async () => {
    const kept = await c.ingest();
    const other = kept.key.replace(/\.wav$/, '.mp3');
    await c.storage.put(other, bytes, sha256Hex(bytes));
    const swept = await c.sweep.sweep(new Date(Date.now() + 61 * MINUTE));
    expect(swept.removed).toEqual([other]);
    expect(await c.storage.sizeIfAny(kept.key)).toBe(bytes.length);
  });
});

describe('as a job', () => {
  it('the audio-sweep job a worker runs removes an orphan', async () => {
    const c = await centre({}, true);
    try {
      const orphan = `2026/11/20/${randomUUID()}.wav`;
      await c.storage.put(orphan, bytes, sha256Hex(bytes));
      expect(await c.keys()).toContain(orphan);
      // Written two hours ago, as after a crash long past.
      const old = new Date(Date.now() - 120 * MINUTE);
      await utimes(path.join(c.dataDir, 'audio', orphan), old, old);
      await c.t.app.get(JobQueue).send(AUDIO_SWEEP, {});
      await waitFor(async () => !(await c.keys()).includes(orphan), { timeoutMs: 30_000, intervalMs: 100, what: 'the audio-sweep job to remove the orphan' });
    } finally {
      await c.t.close();
    }
  });
});

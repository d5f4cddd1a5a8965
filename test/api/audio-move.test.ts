import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordingRepository, type AudioObject } from '#server/recordings/recording.repository.js';
import { audioPages, moveAudio, moveExitCode, type MoveOptions } from '#server/recordings/storage/audio-move.js';
import { type AudioStorage, sha256Hex } from '#server/recordings/storage/audio-storage.js';
import { LocalAudioStorage } from '#server/recordings/storage/local-audio-storage.js';
import { S3AudioStorage } from '#server/recordings/storage/s3-audio-storage.js';
import { readS3Config } from '#server/config/app-config.js';
import { toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { downS3Env, startS3, type TestS3 } from '../support/s3.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * `npm run audio:move` (issue 16): a centre's audio from DATA_DIR/audio to S3 and back, resumable,
 * every copy verified by the SHA-256 recorded at ingest. Each test has its own centre (database,
 * audio folder and bucket), as each moves all of a centre's audio.
 */
interface Centre {
  t: TestApp;
  s3: TestS3;
  dataDir: string;
  local: LocalAudioStorage;
  bucket: S3AudioStorage;
  objects: AudioObject[];
  /** Audio pages as the command reads them. */
  pages(): AsyncIterable<AudioObject[]>;
  close(): Promise<void>;
}

async function centre(calls = 4): Promise<Centre> {
  const s3 = await startS3();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'qa-move-'));
  const t = await startTestApp({ DATA_DIR: dataDir });
  const b = builders(t);
  const agent = await b.agent((await b.team((await b.project()).code)).code);
  for (let i = 0; i < calls; i++) {
    const res = await t
      .as(t.adminToken)
      .post('/api/recordings')
      .attach('audio', toneWav(1 + i / 4), { filename: 'call.wav', contentType: 'application/octet-stream' })
      .field('metadata', JSON.stringify({ externalId: `move-${i}`, agent: agent.employeeNo, startedAt: `2026-11-${10 + i}T09:00:00+08:00`, direction: 'inbound' }));
    expect(res.status).toBe(201);
  }
  const repository = new RecordingRepository(t.app.get(DataSource));
  const objects = await repository.audioObjects(null, 1000);
  const local = new LocalAudioStorage(path.join(dataDir, 'audio'));
  const bucket = S3AudioStorage.fromConfig(s3.config);
  return {
    t,
    s3,
    dataDir,
    local,
    bucket,
    objects,
    pages: () => audioPages(repository, 2),
    async close() {
      bucket.close();
      await t.close();
      await s3.stop();
    },
  };
}

const move = (c: Centre, options: Partial<MoveOptions> & Pick<MoveOptions, 'from' | 'to'>) => moveAudio({ pages: c.pages(), concurrency: 1, ...options });

/** Every object's SHA-256 in the storage, by key (null: not there). */
const hashesIn = async (storage: AudioStorage, objects: AudioObject[]) =>
  Object.fromEntries(await Promise.all(objects.map(async (o) => [o.key, await storage.sha256(o.key)] as const)));
const recorded = (objects: AudioObject[]) => Object.fromEntries(objects.map((o) => [o.key, o.sha256]));

describe('moving audio between storages', () => {
  let c: Centre;
  beforeAll(async () => {
    c = await centre();
  });
  afterAll(() => c?.close());

  it('moves to S3, resumes an interrupted run where it stopped, and the server then plays from S3; then back, removing the S3 copies', async () => {
    // Interrupted after the second object (Ctrl-C): what went is complete, the rest untouched.
    const controller = new AbortController();
    let seen = 0;
    const first = await move(c, { from: c.local, to: c.bucket, signal: controller.signal, onObject: () => ++seen === 2 && controller.abort() });
    expect(first).toMatchObject({ from: 'local', to: 's3', moved: 2, alreadyThere: 0, problems: [], stoppedBy: 'interrupted' });
    expect(moveExitCode(first)).toBe(3);
    expect(await c.s3.keys()).toEqual(
      c.objects
        .slice(0, 2)
        .map((o) => o.key)
        .sort(),
    );

    // Run again: the two already there are skipped by their hash, the rest moved.
    const second = await move(c, { from: c.local, to: c.bucket });
    expect(second).toMatchObject({ seen: 4, moved: 2, alreadyThere: 2, problems: [], stoppedBy: null, sourceDeleted: 0 });
    expect(moveExitCode(second)).toBe(0);
    expect(await hashesIn(c.bucket, c.objects)).toEqual(recorded(c.objects));

    // The server switched to AUDIO_STORAGE=s3 on the same database plays the moved call, by range.
    const onS3 = await startTestApp({ ...c.s3.env, DATA_DIR: c.dataDir }, { url: c.t.databaseUrl });
    try {
      const id = c.objects[3].id;
      const res = await onS3.as(onS3.adminToken).get(`/api/recordings/${id}/audio`).set('Range', 'bytes=0-3');
      expect(res.status).toBe(206);
      expect(Buffer.from(res.body).toString('latin1')).toBe('RIFF');
    } finally {
      await onS3.close();
    }

    // And back to a fresh audio folder, the S3 copies removed once each local copy is verified.
    const back = new LocalAudioStorage(await mkdtemp(path.join(os.tmpdir(), 'qa-move-back-')));
    const third = await move(c, { from: c.bucket, to: back, deleteSource: true, concurrency: 3 });
    expect(third).toMatchObject({ from: 's3', to: 'local', seen: 4, moved: 4, sourceDeleted: 4, problems: [], stoppedBy: null });
    expect(await hashesIn(back, c.objects)).toEqual(recorded(c.objects));
    expect(await c.s3.keys()).toEqual([]);
  });
});

describe('what a move refuses to count as moved', () => {
  let c: Centre;
  beforeAll(async () => {
    c = await centre(3);
  });
  afterAll(() => c?.close());

  it('copies again a target object whose hash is wrong, reports a corrupt or missing source and copies neither', async () => {
    const [wrongInTarget, corruptSource, missingSource] = c.objects;
    const junk = Buffer.from('not the call');
    await c.bucket.put(wrongInTarget.key, junk, sha256Hex(junk)); // a half-finished or tampered copy
    await c.local.delete(corruptSource.key);
    await c.local.put(corruptSource.key, junk, sha256Hex(junk)); // the disk's copy no longer the ingested bytes
    await c.local.delete(missingSource.key);

    const summary = await move(c, { from: c.local, to: c.bucket });
    expect(summary).toMatchObject({ seen: 3, moved: 1, alreadyThere: 0, stoppedBy: null });
    expect(summary.problems).toEqual([
      { key: corruptSource.key, outcome: 'corrupt', reason: expect.stringMatching(/hashes to .*, not the .* recorded at ingest: not copied/) },
      { key: missingSource.key, outcome: 'missing', reason: expect.stringMatching(/not in the local storage/) },
    ]);
    expect(moveExitCode(summary)).toBe(1);
    expect(await c.bucket.sha256(wrongInTarget.key)).toBe(wrongInTarget.sha256);
    expect(await c.bucket.sizeIfAny(corruptSource.key)).toBeNull();
  });

  it('stops at once, moving nothing, when the target store does not answer', async () => {
    const down = S3AudioStorage.fromConfig(readS3Config(await downS3Env()));
    const summary = await move(c, { from: c.local, to: down });
    down.close();
    expect(summary).toMatchObject({ seen: 0, moved: 0, stoppedBy: expect.stringMatching(/does not answer/) });
    expect(moveExitCode(summary)).toBe(3);
  });
});

describe('npm run audio:move (the built command)', () => {
  let c: Centre;
  beforeAll(async () => {
    c = await centre(2);
  });
  afterAll(() => c?.close());

  const run = (args: string[], env: Record<string, string>) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [path.resolve('dist/scripts/move-audio.js'), ...args], {
        env: { PATH: process.env.PATH ?? '', TZ: 'Asia/Shanghai', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it.each([
    ['no --to', [], {}, /--to must be s3 or local/],
    ['an unknown target', ['--to', 'minio'], {}, /--to must be s3 or local, not "minio"/],
    ['S3 variables missing', ['--to', 's3'], { S3_BUCKET: '' }, /S3_BUCKET is not set/],
  ])('exits 2 with %s, saying what is wrong', async (_title, args, env, message) => {
    const res = await run(args, { ...c.s3.env, DATABASE_URL: c.t.databaseUrl, DATA_DIR: c.dataDir, ...env });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
  });

  it('moves the centre to S3 with a summary, and a second run finds everything there', async () => {
    const env = { ...c.s3.env, AUDIO_STORAGE: 'local', DATABASE_URL: c.t.databaseUrl, DATA_DIR: c.dataDir };
    const first = await run(['--to', 's3'], env);
    expect(first.stdout).toContain('audio local → s3: 2 looked at, 2 moved, 0 already there (SHA-256 checked), 0 not moved');
    expect(first.code).toBe(0);
    const again = await run(['--to', 's3'], env);
    expect(again.stdout).toContain('2 looked at, 0 moved, 2 already there');
    expect(again.code).toBe(0);
    expect(await hashesIn(c.bucket, c.objects)).toEqual(recorded(c.objects));
  });
});

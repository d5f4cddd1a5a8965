import { createHash } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { politeTranscript, toneWav } from '../support/audio.js';
import { builders } from '../support/builders.js';
import { spawnServer } from '../support/processes.js';
import { downS3Env, startS3, type TestS3 } from '../support/s3.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** AUDIO_STORAGE=s3 (issue 16): calls go into the S3-compatible store and play back from it, ranges and all. */
let s3: TestS3;
let t: TestApp;
let dataDir: string;
let agentNo: string;
let seq = 0;

beforeAll(async () => {
  s3 = await startS3();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qa-rec-s3-'));
  t = await startTestApp({ ...s3.env, DATA_DIR: dataDir });
  const b = builders(t);
  const team = await b.team((await b.project()).code);
  agentNo = (await b.agent(team.code)).employeeNo;
});
afterAll(async () => {
  await t?.close();
  await s3?.stop();
});

const meta = (over: Record<string, unknown> = {}) => ({
  externalId: `s3-call-${Date.now()}-${++seq}`,
  agent: agentNo,
  startedAt: '2026-11-20T09:30:00+08:00',
  direction: 'inbound',
  ...over,
});

const post = (app: TestApp, audio: Buffer, metadata: unknown, transcript?: unknown) => {
  const req = app.as(app.adminToken).post('/api/recordings').attach('audio', audio, { filename: 'call.wav', contentType: 'application/octet-stream' });
  req.field('metadata', JSON.stringify(metadata));
  if (transcript) req.field('transcript', JSON.stringify(transcript));
  return req;
};

const rowsOf = async (externalId: string) => {
  const [{ n }] = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM recordings WHERE "externalId" = $1', [externalId]);
  return n as number;
};

const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c) => chunks.push(c!));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('recordings with AUDIO_STORAGE=s3', () => {
  it('stores the ingested audio in the bucket, not on the disk, and plays it back with a Range: 206 and Content-Range', async () => {
    const audio = toneWav(3);
    const res = await post(t, audio, meta(), politeTranscript());
    expect(res.status).toBe(201);
    expect(res.body.sha256).toBe(createHash('sha256').update(audio).digest('hex'));
    expect((await s3.keys()).filter((k) => k.endsWith(`/${res.body.id}.wav`))).toEqual([`2026/11/20/${res.body.id}.wav`]);
    expect(await readdir(path.join(dataDir, 'audio')).catch(() => [])).toEqual([]);

    const ranged = await t.as(t.adminToken).get(`/api/recordings/${res.body.id}/audio`).set('Range', 'bytes=10-19').buffer(true).parse(binary);
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 10-19/${audio.length}`);
    expect(ranged.headers['content-length']).toBe('10');
    expect(ranged.body).toEqual(audio.subarray(10, 20));

    const whole = await t.as(t.adminToken).get(`/api/recordings/${res.body.id}/audio`).buffer(true).parse(binary);
    expect(whole.status).toBe(200);
    expect(whole.body).toEqual(audio);
  });

  it('takes a call longer than one 8 MiB part (multipart) and seeks into its last part', async () => {
    const audio = toneWav(600); // ten minutes of 8 kHz 16-bit: 9.6 MB
    const res = await post(t, audio, meta());
    expect(res.status).toBe(201);
    const start = audio.length - 100;
    const ranged = await t.as(t.adminToken).get(`/api/recordings/${res.body.id}/audio`).set('Range', `bytes=${start}-`).buffer(true).parse(binary);
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes ${start}-${audio.length - 1}/${audio.length}`);
    expect(ranged.body).toEqual(audio.subarray(start));
  });

  it('keeps one object when the same externalId arrives several times at once (the losers’ audio removed)', async () => {
    const audio = toneWav(1);
    const m = meta();
    const answers = await Promise.all([post(t, audio, m), post(t, audio, m), post(t, audio, m)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 201]);
    const id = answers.find((a) => a.status === 201)!.body.id;
    expect(answers.every((a) => a.body.id === id)).toBe(true);
    expect(await rowsOf(m.externalId)).toBe(1);
    const mine = (await s3.keys()).filter((k) => k.startsWith('2026/11/20/'));
    expect(mine.filter((k) => k.endsWith(`/${id}.wav`))).toHaveLength(1);
    // No object belongs to a recording that is not in the database.
    const ids = (await t.app.get(DataSource).query('SELECT id FROM recordings')) as { id: string }[];
    expect(mine.filter((k) => !ids.some((r) => k.endsWith(`/${r.id}.wav`)))).toEqual([]);
  });

  describe('with the store down', () => {
    let down: TestApp;
    beforeAll(async () => {
      // The same database, another process whose S3 endpoint does not answer.
      down = await startTestApp({ ...(await downS3Env()), DATA_DIR: dataDir }, { url: t.databaseUrl });
    });
    afterAll(() => down?.close());

    it('refuses an ingest with 503 STORAGE_UNAVAILABLE and stores no row', async () => {
      const m = meta();
      const res = await post(down, toneWav(1), m);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, code: 'STORAGE_UNAVAILABLE' });
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack/);
      expect(await rowsOf(m.externalId)).toBe(0);
    });

    it('answers a playback with 503 STORAGE_UNAVAILABLE, not 500', async () => {
      const ok = await post(t, toneWav(1), meta());
      expect(ok.status).toBe(201);
      const res = await down.as(down.adminToken).get(`/api/recordings/${ok.body.id}/audio`).set('Range', 'bytes=0-99');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    });
  });
});

describe('the built server with AUDIO_STORAGE=s3', () => {
  it.each([
    ['no bucket', { S3_BUCKET: '' }, 'Not starting: AUDIO_STORAGE=s3: S3_BUCKET is not set.'],
    ['a key id without its secret', { S3_SECRET_ACCESS_KEY: '' }, 'S3_SECRET_ACCESS_KEY is not set: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither'],
    ['an unknown storage', { AUDIO_STORAGE: 'ftp' }, 'Not starting: AUDIO_STORAGE="ftp" is not an audio storage: use one of local, s3'],
  ])('refuses to start with %s, naming the variable, exit code 1', async (_title, over, message) => {
    const bad = await spawnServer({ ...s3.env, ...over, DATABASE_URL: t.databaseUrl, DATA_DIR: dataDir });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain(message);
  });
});

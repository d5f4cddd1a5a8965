import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWav } from '#server/demo/demo-audio.js';
import { toneWav } from '../support/audio.js';
import { twoProjects } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Issue 11 finding 14: a WAV header is not trusted; nothing is stored on refusal.
let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let dataDir: string;
let seq = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qa-limits-'));
  t = await startTestApp({ DATA_DIR: dataDir, MAX_AUDIO_HOURS: String(10 / 3600) }); // 10 s
  world = await twoProjects(t);
});
afterAll(() => t?.close());

const post = (audio: Uint8Array) =>
  t
    .as(t.adminToken)
    .post('/api/recordings')
    .attach('audio', Buffer.from(audio), 'call.wav')
    .field(
      'metadata',
      JSON.stringify({ externalId: `lim-${Date.now()}-${++seq}`, agent: world.a.agent.employeeNo, startedAt: '2026-11-20T09:30:00+08:00', direction: 'inbound' }),
    );

async function stored(): Promise<{ rows: number; files: number }> {
  const [{ n }] = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM recordings');
  const files = await readdir(path.join(dataDir, 'audio'), { recursive: true }).catch(() => []);
  return { rows: n, files: files.filter((f) => /\.(wav|mp3)$/.test(String(f))).length };
}

describe('POST /api/recordings does not trust the WAV header', () => {
  it('refuses a WAV claiming 1 Hz with 415 AUDIO_SAMPLE_RATE, storing nothing', async () => {
    const before = await stored();
    const res = await post(encodeWav([new Float32Array(8000)], 1));
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: 'AUDIO_SAMPLE_RATE', params: { sampleRate: 1 } });
    expect(await stored()).toEqual(before);
  });

  it('refuses a WAV claiming 384 kHz with 415 AUDIO_SAMPLE_RATE', async () => {
    const res = await post(encodeWav([new Float32Array(8000)], 384_000));
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('AUDIO_SAMPLE_RATE');
  });

  it('refuses a call longer than MAX_AUDIO_HOURS with 413 AUDIO_TOO_LONG, storing nothing', async () => {
    const before = await stored();
    const res = await post(toneWav(11));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'AUDIO_TOO_LONG', params: { seconds: 11, maxSeconds: 10 } });
    expect(await stored()).toEqual(before);
  });

  it('accepts a call within the maximum, its peaks within budget', async () => {
    const res = await post(toneWav(9));
    expect(res.status).toBe(201);
    const peaks = await t.as(t.adminToken).get(`/api/recordings/${res.body.id}/peaks`);
    expect(peaks.body.duration).toBe(9);
    expect(JSON.stringify(peaks.body).length).toBeLessThan(100_000);
  });
});

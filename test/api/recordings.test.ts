import { createHash } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { politeTranscript, shortMp3, toneWav } from '../support/audio.js';
import { twoProjects } from '../support/builders.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof twoProjects>>;
let dataDir: string;
let seq = 0;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'qa-rec-'));
  t = await startTestApp({ DATA_DIR: dataDir, MAX_UPLOAD_MB: '1' });
  world = await twoProjects(t);
});
afterAll(() => t?.close());

const meta = (over: Record<string, unknown> = {}) => ({
  externalId: `call-${Date.now()}-${++seq}`,
  agent: world.a.agent.employeeNo,
  startedAt: '2026-11-20T09:30:00+08:00',
  direction: 'inbound',
  customerNumber: '13812345678',
  ...over,
});

function post(audio: Buffer | undefined, metadata: unknown, transcript?: unknown, token = t.adminToken, filename = 'call.wav') {
  const req = t.as(token).post('/api/recordings');
  if (audio) req.attach('audio', audio, { filename, contentType: 'application/octet-stream' });
  if (metadata !== undefined) req.field('metadata', typeof metadata === 'string' ? metadata : JSON.stringify(metadata));
  if (transcript !== undefined) req.field('transcript', typeof transcript === 'string' ? transcript : JSON.stringify(transcript));
  return req;
}

async function stored(): Promise<{ rows: number; files: number }> {
  const ds = t.app.get(DataSource);
  const [{ n }] = await ds.query('SELECT count(*)::int AS n FROM recordings');
  const files = await readdir(path.join(dataDir, 'audio'), { recursive: true }).catch(() => []);
  return { rows: n, files: files.filter((f) => /\.(wav|mp3)$/.test(String(f))).length };
}

describe('POST /api/recordings', () => {
  it('stores a WAV call with its transcript and answers 201 with its id', async () => {
    const audio = toneWav(3.5);
    const res = await post(audio, meta({ businessType: '话费查询' }), politeTranscript());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      agent: world.a.agent.employeeNo,
      direction: 'inbound',
      hasTranscript: true,
      businessType: '话费查询',
      duration: 3.5,
      channels: 'mono',
      sha256: createHash('sha256').update(audio).digest('hex'),
    });
    expect(res.body.transcript.segments).toHaveLength(3);
    const got = await t.as(t.adminToken).get(`/api/recordings/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body.status).toBe('ready');
    expect(got.body.localDate).toBe('2026-11-20');
  });

  it.each([
    ['A-law WAV', () => toneWav(2, { codec: 'alaw' }), 2],
    ['µ-law WAV', () => toneWav(2, { codec: 'mulaw' }), 2],
    ['16 kHz stereo WAV', () => toneWav(1.25, { sampleRate: 16000, channels: 2 }), 1.25],
  ])('accepts %s judged by its bytes, with its exact duration', async (_title, audio, duration) => {
    const res = await post(audio(), meta({ channels: _title.includes('stereo') ? 'stereo-agent-left' : 'mono' }), undefined, t.adminToken, 'whatever.bin');
    expect(res.status).toBe(201);
    expect(res.body.duration).toBeCloseTo(duration, 3);
  });

  it('accepts an MP3 whatever its name', async () => {
    const res = await post(shortMp3(), meta(), undefined, t.adminToken, 'call.wav');
    expect(res.status).toBe(201);
    expect(res.body.format).toBe('mp3');
    expect(res.body.duration).toBeGreaterThan(0);
  });

  it('answers 200 with the stored recording for an externalId already in, storing nothing new', async () => {
    const metadata = meta();
    const first = await post(toneWav(1), metadata);
    const before = await stored();
    const again = await post(toneWav(2), metadata);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(again.body.duration).toBe(1);
    expect(await stored()).toEqual(before);
  });

  it('stores one recording when the same externalId arrives several times at once', async () => {
    const metadata = meta();
    const before = await stored();
    const results = await Promise.all(Array.from({ length: 6 }, () => post(toneWav(1), metadata)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const after = await stored();
    expect(after).toEqual({ rows: before.rows + 1, files: before.files + 1 });
  });

  it.each([
    ['no metadata', () => post(toneWav(1), undefined), 400, 'metadata'],
    ['metadata that is not JSON', () => post(toneWav(1), '{"externalId": '), 400, 'metadata'],
    ['no externalId', () => post(toneWav(1), { ...meta(), externalId: undefined }), 400, 'metadata.externalId'],
    ['an unknown agent', () => post(toneWav(1), meta({ agent: 'NOBODY' })), 400, 'metadata.agent'],
    ['a direction "sideways"', () => post(toneWav(1), meta({ direction: 'sideways' })), 400, 'metadata.direction'],
    ['startedAt without an offset', () => post(toneWav(1), meta({ startedAt: '2026-11-20T09:30:00' })), 400, 'metadata.startedAt'],
    ['a customer number with letters', () => post(toneWav(1), meta({ customerNumber: 'call-me' })), 400, 'metadata.customerNumber'],
    ['channels "quad"', () => post(toneWav(1), meta({ channels: 'quad' })), 400, 'metadata.channels'],
    ['stereo declared for mono audio', () => post(toneWav(1), meta({ channels: 'stereo-agent-left' })), 400, 'metadata.channels'],
    ['an unknown metadata field', () => post(toneWav(1), meta({ colour: 'red' })), 400, 'colour'],
    ['a transcript that is not JSON', () => post(toneWav(1), meta(), 'segments'), 400, 'transcript'],
    ['a transcript without segments', () => post(toneWav(1), meta(), { language: 'zh-CN' }), 400, 'transcript.segments'],
    ['a segment spoken by a "bot"', () => post(toneWav(1), meta(), { segments: [{ speaker: 'bot', start: 0, end: 1, text: '您好' }] }), 400, 'speaker'],
    ['a segment ending before it starts', () => post(toneWav(1), meta(), { segments: [{ speaker: 'agent', start: 3, end: 1, text: '您好' }] }), 400, 'end'],
    ['no audio', () => post(undefined, meta()), 400, 'audio'],
    ['a text file named .wav', () => post(Buffer.from('RIFF? no, just text pretending to be audio'), meta()), 415, 'audio'],
    ['8-bit PCM WAV', () => post(pcm8Wav(), meta()), 415, 'audio'],
    ['a WAV whose header promises more than it holds', () => post(toneWav(1).subarray(0, 30), meta()), 415, 'audio'],
    ['a file over the size limit', () => post(Buffer.alloc(1.5 * 1024 * 1024, 1), meta()), 413, ''],
  ])('refuses %s, leaving no row and no file', async (_title, send, status, words) => {
    const before = await stored();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.body.statusCode).toBe(status);
    expect(res.body.message).toContain(words);
    expect(await stored()).toEqual(before);
  });

  it('is refused to an inspector and to a supervisor outside the agent’s project', async () => {
    expect((await post(toneWav(1), meta(), undefined, world.a.inspector.token)).status).toBe(403);
    const sup = await (await import('../support/builders.js')).builders(t).user({ roles: ['supervisor'], projects: [world.b.project.code] });
    const before = await stored();
    expect((await post(toneWav(1), meta(), undefined, sup.token)).status).toBe(403);
    expect(await stored()).toEqual(before);
  });
});

/** An 8-bit PCM WAV header and body: a real format, but not one the centre's systems send. */
function pcm8Wav(): Buffer {
  const data = Buffer.alloc(800, 128);
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(8000, 24);
  h.writeUInt32LE(8000, 28);
  h.writeUInt16LE(1, 32);
  h.writeUInt16LE(8, 34);
  h.write('data', 36);
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

describe('reading a recording', () => {
  let id: string;
  let audio: Buffer;
  beforeAll(async () => {
    audio = toneWav(2, { channels: 2 });
    id = (await post(audio, meta({ channels: 'stereo-agent-left', customerNumber: '13912345678' }), politeTranscript())).body.id;
  });

  it('answers peaks per channel with values in −1…1', async () => {
    const res = await t.as(world.a.inspector.token).get(`/api/recordings/${id}/peaks`);
    expect(res.status).toBe(200);
    expect(res.body.duration).toBe(2);
    expect(res.body.channels).toHaveLength(2);
    expect(res.body.channels[0].length).toBe(Math.round(2 * res.body.sampleRate));
    expect(Math.max(...res.body.channels[0].map(Math.abs))).toBeLessThanOrEqual(1);
    expect(Math.max(...res.body.channels[0].map(Math.abs))).toBeGreaterThan(0.3);
  });

  it('streams the original bytes, whole and by range', async () => {
    const api = t.as(world.a.inspector.token);
    const whole = await api.get(`/api/recordings/${id}/audio`).buffer(true).parse(binary);
    expect(whole.status).toBe(200);
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(Buffer.compare(whole.body, audio)).toBe(0);

    const part = await api.get(`/api/recordings/${id}/audio`).set('Range', 'bytes=100-199').buffer(true).parse(binary);
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${audio.length}`);
    expect(Buffer.compare(part.body, audio.subarray(100, 200))).toBe(0);

    const tail = await api.get(`/api/recordings/${id}/audio`).set('Range', 'bytes=-10').buffer(true).parse(binary);
    expect(tail.status).toBe(206);
    expect(Buffer.compare(tail.body, audio.subarray(audio.length - 10))).toBe(0);

    const open = await api
      .get(`/api/recordings/${id}/audio`)
      .set('Range', `bytes=${audio.length - 5}-`)
      .buffer(true)
      .parse(binary);
    expect(open.status).toBe(206);
    expect(open.body.length).toBe(5);

    const beyond = await api.get(`/api/recordings/${id}/audio`).set('Range', `bytes=${audio.length + 10}-`);
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-range']).toBe(`bytes */${audio.length}`);
  });

  it('masks the customer number for an inspector, not for a supervisor', async () => {
    expect((await t.as(world.a.inspector.token).get(`/api/recordings/${id}`)).body.customerNumber).toBe('*******5678');
    expect((await t.as(world.supervisor.token).get(`/api/recordings/${id}`)).body.customerNumber).toBe('13912345678');
  });

  it.each([
    ['an inspector of another project reads it', () => world.b.inspector.token, ''],
    ['an inspector of another project reads its peaks', () => world.b.inspector.token, '/peaks'],
    ['an inspector of another project plays it', () => world.b.inspector.token, '/audio'],
    ['a team lead of another team plays it', () => world.b.lead.token, '/audio'],
  ])('answers 403 when %s', async (_title, token, suffix) => {
    const res = await t.as(token()).get(`/api/recordings/${id}${suffix}`);
    expect(res.status).toBe(403);
  });

  it('answers 404 for an unknown recording and 401 without a token', async () => {
    expect((await t.as(t.adminToken).get('/api/recordings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await t.anonymous.get(`/api/recordings/${id}/audio`)).status).toBe(401);
  });

  it('logs playbacks and downloads, not every range a player asks for, for a supervisor to browse', async () => {
    const api = t.as(world.a.lead.token);
    await api.get(`/api/recordings/${id}/audio`).set('Range', 'bytes=0-');
    await api.get(`/api/recordings/${id}/audio`).set('Range', 'bytes=500-');
    await api.get(`/api/recordings/${id}/audio?download=1`);
    const log = await t.as(world.supervisor.token).get(`/api/recordings/access-log?recordingId=${id}&username=${world.a.lead.username}`);
    expect(log.status).toBe(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(['download', 'play']);
    expect((await t.as(world.a.inspector.token).get('/api/recordings/access-log')).status).toBe(403);
  });

  it('replaces the transcript later, and refuses a bad one leaving the old in place', async () => {
    const bare = (await post(toneWav(1), meta())).body.id;
    const put = await t.as(t.adminToken).put(`/api/recordings/${bare}/transcript`).send(politeTranscript());
    expect(put.status).toBe(200);
    expect(put.body.hasTranscript).toBe(true);
    const bad = await t
      .as(t.adminToken)
      .put(`/api/recordings/${bare}/transcript`)
      .send({ segments: [{ speaker: 'agent', start: 0, end: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('text');
    expect((await t.as(t.adminToken).get(`/api/recordings/${bare}`)).body.transcript.segments).toHaveLength(3);
    expect((await t.as(world.a.inspector.token).put(`/api/recordings/${bare}/transcript`).send(politeTranscript())).status).toBe(403);
  });
});

describe('GET /api/recordings (search)', () => {
  beforeAll(async () => {
    await post(toneWav(1), meta({ externalId: 'complaint-1', customerNumber: '13700001111', startedAt: '2026-11-21T23:30:00+08:00', direction: 'outbound' }));
    await post(toneWav(1), meta({ externalId: 'complaint-2', customerNumber: '13700001111', startedAt: '2026-11-21T16:10:00Z', agent: world.b.agent.employeeNo }));
    await post(toneWav(4), meta({ externalId: 'long-1', customerNumber: '13700002222', startedAt: '2026-11-22T08:00:00+08:00' }), politeTranscript());
  });
  const ids = (res: { body: { items: { externalId: string }[] } }) => res.body.items.map((i) => i.externalId).sort();

  it('finds a complaint’s calls by exact customer number, within the user’s scope', async () => {
    expect(ids(await t.as(world.supervisor.token).get('/api/recordings?customerNumber=13700001111'))).toEqual(['complaint-1', 'complaint-2']);
    expect(ids(await t.as(world.a.inspector.token).get('/api/recordings?customerNumber=13700001111'))).toEqual(['complaint-1']);
    expect((await t.as(world.supervisor.token).get('/api/recordings?customerNumber=1370000')).body.total).toBe(0);
  });

  it('filters by the centre’s local day, agent, direction, duration and transcript', async () => {
    const sup = t.as(world.supervisor.token);
    // 16:10Z on the 21st is 00:10 on the 22nd in Shanghai.
    expect(ids(await sup.get('/api/recordings?from=2026-11-22&to=2026-11-22'))).toEqual(['complaint-2', 'long-1']);
    expect(ids(await sup.get(`/api/recordings?from=2026-11-21&to=2026-11-22&agent=${world.a.agent.employeeNo}`))).toEqual(['complaint-1', 'long-1']);
    expect(ids(await sup.get('/api/recordings?from=2026-11-21&to=2026-11-22&direction=outbound'))).toEqual(['complaint-1']);
    expect(ids(await sup.get('/api/recordings?from=2026-11-21&to=2026-11-22&minDuration=3'))).toEqual(['long-1']);
    expect(ids(await sup.get('/api/recordings?from=2026-11-21&to=2026-11-22&hasTranscript=true'))).toEqual(['long-1']);
    expect(ids(await sup.get(`/api/recordings?from=2026-11-21&to=2026-11-22&project=${world.b.project.code}`))).toEqual(['complaint-2']);
  });

  it('sorts and paginates', async () => {
    const page = await t.as(world.supervisor.token).get('/api/recordings?from=2026-11-21&to=2026-11-22&sort=duration&order=desc&pageSize=1');
    expect(page.body.items.map((i: { externalId: string }) => i.externalId)).toEqual(['long-1']);
    expect(page.body.total).toBe(3);
  });

  it.each([
    ['from after to', '?from=2026-11-22&to=2026-11-21', 400],
    ['a date that is not one', '?from=2026-13-01', 400],
    ['a direction "up"', '?direction=up', 400],
    ['minDuration "long"', '?minDuration=long', 400],
    ['an unknown team', '?team=NOPE', 400],
    ['sorting by name', '?sort=name', 400],
  ])('answers 400 for %s', async (_title, qs, status) => {
    const res = await t.as(world.supervisor.token).get(`/api/recordings${qs}`);
    expect(res.status).toBe(status);
    expect(res.body.statusCode).toBe(status);
  });

  it('answers 403 for another project’s team or agent', async () => {
    expect((await t.as(world.a.inspector.token).get(`/api/recordings?team=${world.b.team.code}`)).status).toBe(403);
    expect((await t.as(world.a.lead.token).get(`/api/recordings?agent=${world.b.agent.employeeNo}`)).status).toBe(403);
  });
});

function binary(res: import('supertest').Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}

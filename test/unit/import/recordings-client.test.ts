import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallUpload } from '#scripts/import/call-files.js';
import { sendRecording, signIn, SignInError } from '#scripts/import/recordings-client.js';

// A stand-in server answering from a script, to see what the client retries and what it gives up on.
let answers: [number, unknown][];
let received: { auth?: string; body: string }[];
let server: Server;
let baseUrl: string;
const fast = { delaysMs: [5, 5, 5], timeoutMs: 2_000 };

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    received.push({ auth: req.headers.authorization, body: Buffer.concat(chunks).toString('latin1') });
    const [status, body] = answers.shift() ?? [500, { statusCode: 500, message: 'Internal server error' }];
    res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  answers = [];
  received = [];
});

/** A port that was just free: connecting to it is refused (fetch will not even try well-known ones like 1). */
async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const call: CallUpload = {
  metadata: { externalId: 'c-1', agent: 'E001', startedAt: '2026-11-27T09:30:00+08:00', direction: 'inbound' },
  audio: Buffer.from('RIFF....WAVE'),
  audioName: 'c-1.wav',
  transcript: '{"segments":[]}',
};

describe('sendRecording', () => {
  it('posts the audio, metadata and transcript as multipart with the token', async () => {
    answers = [[201, { id: 'r-1' }]];
    expect(await sendRecording(baseUrl, 'tok', call, fast)).toEqual({ outcome: 'imported', recordingId: 'r-1' });
    expect(received[0].auth).toBe('Bearer tok');
    expect(received[0].body).toContain('name="audio"; filename="c-1.wav"');
    expect(received[0].body).toContain('RIFF....WAVE');
    expect(received[0].body).toContain(JSON.stringify(call.metadata));
    expect(received[0].body).toContain('name="transcript"');
  });

  it('counts a 200 as already in', async () => {
    answers = [[200, { id: 'r-1' }]];
    expect(await sendRecording(baseUrl, 'tok', call, fast)).toEqual({ outcome: 'skipped', recordingId: 'r-1' });
  });

  it('keeps the server’s message of a 4xx and does not retry it', async () => {
    answers = [[400, { statusCode: 400, message: 'metadata.agent: no agent NOBODY' }]];
    expect(await sendRecording(baseUrl, 'tok', call, fast)).toEqual({ outcome: 'refused', reason: '400 metadata.agent: no agent NOBODY' });
    expect(received).toHaveLength(1);
  });

  it('retries a 5xx or a 429 and succeeds when the server recovers', async () => {
    answers = [
      [503, '<html>bad gateway</html>'],
      [429, { statusCode: 429, message: 'slow down' }],
      [201, { id: 'r-2' }],
    ];
    expect(await sendRecording(baseUrl, 'tok', call, fast)).toEqual({ outcome: 'imported', recordingId: 'r-2' });
    expect(received).toHaveLength(3);
    // every attempt carries the whole call, not a spent body
    expect(received.every((r) => r.body.includes('RIFF....WAVE'))).toBe(true);
  });

  it('gives up after three retries with the last failure', async () => {
    const result = await sendRecording(baseUrl, 'tok', call, fast);
    expect(result).toEqual({ outcome: 'refused', reason: '500 Internal server error (gave up after 4 attempts)' });
    expect(received).toHaveLength(4);
  });

  it('refuses after retries when nothing answers', async () => {
    const result = await sendRecording(await closedPortUrl(), 'tok', call, fast);
    expect(result).toEqual({ outcome: 'refused', reason: 'network failure: ECONNREFUSED (gave up after 4 attempts)' });
  });
});

describe('signIn', () => {
  it('answers the access token', async () => {
    answers = [[200, { accessToken: 'tok' }]];
    expect(await signIn(baseUrl, 'admin', 'pw')).toBe('tok');
    expect(JSON.parse(received[0].body)).toEqual({ username: 'admin', password: 'pw' });
  });

  it.each([
    ['a wrong password', [401, { statusCode: 401, message: 'wrong username or password' }], 'admin could not sign in: wrong username or password'],
    ['another server', [200, '<html>hello</html>'], 'no accessToken'],
  ] as const)('fails for %s', async (_title, answer, words) => {
    answers = [[...answer]];
    await expect(signIn(baseUrl, 'admin', 'pw')).rejects.toThrow(SignInError);
    answers = [[...answer]];
    await expect(signIn(baseUrl, 'admin', 'pw')).rejects.toThrow(words);
  });

  it('fails when the server cannot be reached', async () => {
    const url = await closedPortUrl();
    await expect(signIn(url, 'admin', 'pw')).rejects.toThrow(`cannot reach the server at ${url}: ECONNREFUSED`);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { sendStream } from '#server/common/send-stream.js';
import { waitFor } from '../../support/wait-for.js';

/** An endless source, like a long call read from S3: it says when it was closed. */
function endlessSource() {
  const state = { destroyed: false };
  const stream = new Readable({
    read() {
      setTimeout(() => this.push(Buffer.alloc(16 * 1024, 1)), 5);
    },
    destroy(err, done) {
      state.destroyed = true;
      done(err);
    },
  });
  return { stream, state };
}

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(source: () => Readable): Promise<string> {
  const app = express();
  app.get('/audio', (_req, res) => sendStream(res, { status: 206, headers: { 'Content-Type': 'audio/wav', 'Content-Range': 'bytes 0-9/10' }, body: source() }));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/audio`;
}

describe('sendStream: the one way audio goes to the player', () => {
  it('keeps the status and headers it is given, and sends the bytes', async () => {
    const url = await serve(() => Readable.from([Buffer.from('0123456789')]));
    const res = await fetch(url);
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 0-9/10');
    expect(await res.text()).toBe('0123456789');
  });

  it('closes the source when the player hangs up, so a store download stops there', async () => {
    const { stream, state } = endlessSource();
    const url = await serve(() => stream);
    await new Promise<void>((resolve, reject) => {
      const req = http.get(url, (res) => {
        res.once('data', () => {
          req.destroy(); // the player seeks elsewhere, or the tab is closed
          resolve();
        });
      });
      req.on('error', () => undefined);
      req.setTimeout(5000, () => reject(new Error('no bytes came')));
    });
    await waitFor(() => state.destroyed, { timeoutMs: 5000, what: 'the source closed after the player hung up' });
  });

  it('cuts the answer short when the source fails halfway, rather than leaving the player waiting', async () => {
    const url = await serve(
      () =>
        new Readable({
          read() {
            this.push(Buffer.from('first bytes'));
            setTimeout(() => this.destroy(new Error('the store went away')), 10);
          },
        }),
    );
    const outcome = await new Promise<string>((resolve) => {
      http.get(url, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => resolve('ended as if complete'));
        res.on('error', () => resolve('cut short'));
        res.on('aborted', () => resolve('cut short'));
      });
    });
    expect(outcome).toBe('cut short');
  });
});

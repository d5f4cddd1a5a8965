import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { UploadPartCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readS3Config } from '#server/config/app-config.js';
import { DomainError } from '#server/common/domain-error.js';
import { AudioIntegrityError, type AudioStorage, sha256Hex } from '#server/recordings/storage/audio-storage.js';
import { LocalAudioStorage } from '#server/recordings/storage/local-audio-storage.js';
import { MULTIPART_PART_BYTES, S3AudioStorage } from '#server/recordings/storage/s3-audio-storage.js';
import { downS3Env, startS3, type TestS3 } from '../support/s3.js';

let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(() => s3?.stop());

/** One storage under test: a fresh empty one, a way to list all it holds, and the same kind of storage whose store is down. */
interface StorageUnderTest {
  storage: AudioStorage;
  /** Every object it holds, half-written ones included. */
  contents(): Promise<string[]>;
  down(): Promise<AudioStorage>;
}

const kinds: { kind: string; make: () => Promise<StorageUnderTest> }[] = [
  {
    kind: 'local',
    make: async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), 'qa-audio-'));
      return {
        storage: new LocalAudioStorage(root),
        contents: async () =>
          (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))),
        // The audio folder's disk gone from under it: its path leads through a file.
        down: async () => {
          const file = path.join(root, 'not-a-folder');
          await writeFile(file, 'x');
          return new LocalAudioStorage(path.join(file, 'audio'));
        },
      };
    },
  },
  {
    kind: 's3',
    make: async () => {
      // A folder of its own in the one bucket, so that the tests of this file never see each other's objects.
      const prefix = `t${randomBytes(4).toString('hex')}`;
      const storage = new S3AudioStorage(s3.client, s3.config.bucket);
      return {
        storage: prefixed(storage, prefix),
        contents: async () => (await s3.keys()).filter((k) => k.startsWith(`${prefix}/`)).map((k) => k.slice(prefix.length + 1)),
        down: async () => S3AudioStorage.fromConfig(readS3Config(await downS3Env())),
      };
    },
  },
];

/** The storage with every key under `prefix/`. */
function prefixed(storage: AudioStorage, prefix: string): AudioStorage {
  return new Proxy(storage, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || prop === 'constructor') return value;
      return (key: string, ...rest: unknown[]) => (value as (...a: unknown[]) => unknown).call(target, `${prefix}/${key}`, ...rest);
    },
  });
}

const bytesOf = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const rejection = async (p: Promise<unknown>) =>
  p.then(
    () => new Error('it did not fail'),
    (e: unknown) => e,
  );

describe.each(kinds)('$kind audio storage', ({ make }) => {
  let t: StorageUnderTest;
  beforeAll(async () => {
    t = await make();
  });

  it('stores the bytes under the key and reads them back whole, with their size and SHA-256', async () => {
    const bytes = randomBytes(5000);
    await t.storage.put('2026/11/20/whole.wav', bytes, sha256Hex(bytes));
    expect(await bytesOf(await t.storage.read('2026/11/20/whole.wav'))).toEqual(bytes);
    expect(await t.storage.size('2026/11/20/whole.wav')).toBe(5000);
    expect(await t.storage.sha256('2026/11/20/whole.wav')).toBe(sha256Hex(bytes));
    expect(await t.contents()).toContain('2026/11/20/whole.wav');
  });

  it('refuses bytes that do not hash to the SHA-256 given, and leaves nothing behind', async () => {
    const bytes = randomBytes(3000);
    const before = await t.contents();
    const error = await rejection(t.storage.put('2026/11/20/mismatch.wav', bytes, sha256Hex(Buffer.from('other bytes'))));
    expect(error).toBeInstanceOf(AudioIntegrityError);
    expect(await t.storage.sizeIfAny('2026/11/20/mismatch.wav')).toBeNull();
    expect(await t.contents()).toEqual(before);
  });

  it('reads a byte range [start, end] inclusive', async () => {
    const bytes = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
    await t.storage.put('2026/11/20/range.wav', bytes, sha256Hex(bytes));
    expect(await bytesOf(await t.storage.read('2026/11/20/range.wav', { start: 10, end: 19 }))).toEqual(bytes.subarray(10, 20));
    expect(await bytesOf(await t.storage.read('2026/11/20/range.wav', { start: 95, end: 99 }))).toEqual(bytes.subarray(95));
  });

  it('deletes an object, and deleting it again is no error', async () => {
    const bytes = randomBytes(100);
    await t.storage.put('2026/11/20/gone.wav', bytes, sha256Hex(bytes));
    await t.storage.delete('2026/11/20/gone.wav');
    await t.storage.delete('2026/11/20/gone.wav');
    expect(await t.storage.sizeIfAny('2026/11/20/gone.wav')).toBeNull();
    expect(await t.storage.sha256('2026/11/20/gone.wav')).toBeNull();
  });

  it.each([
    ['read', (s: AudioStorage) => s.read('2026/11/20/never.wav')],
    ['size', (s: AudioStorage) => s.size('2026/11/20/never.wav')],
  ])('answers 404 NOT_FOUND to %s of a key that holds nothing', async (_title, call) => {
    const error = await rejection(call(t.storage));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it(`stores and reads back a file larger than one ${MULTIPART_PART_BYTES / 1024 / 1024} MiB part`, async () => {
    const bytes = randomBytes(MULTIPART_PART_BYTES * 2 + 12345);
    await t.storage.put('2026/11/20/long-call.wav', bytes, sha256Hex(bytes));
    expect(await t.storage.size('2026/11/20/long-call.wav')).toBe(bytes.length);
    expect(await t.storage.sha256('2026/11/20/long-call.wav')).toBe(sha256Hex(bytes));
    const start = MULTIPART_PART_BYTES - 5;
    expect(await bytesOf(await t.storage.read('2026/11/20/long-call.wav', { start, end: start + 9 }))).toEqual(bytes.subarray(start, start + 10));
  });

  describe('with its store down', () => {
    const bytes = Buffer.from('RIFF....WAVE');
    it.each([
      ['put', (s: AudioStorage) => s.put('2026/11/20/down.wav', bytes, sha256Hex(bytes))],
      ['read', (s: AudioStorage) => s.read('2026/11/20/down.wav')],
      ['a ranged read', (s: AudioStorage) => s.read('2026/11/20/down.wav', { start: 0, end: 3 })],
      ['size', (s: AudioStorage) => s.sizeIfAny('2026/11/20/down.wav')],
      ['delete', (s: AudioStorage) => s.delete('2026/11/20/down.wav')],
    ])('%s answers 503 STORAGE_UNAVAILABLE, naming no internals', async (_title, call) => {
      const down = await t.down();
      const error = await rejection(call(down));
      down.close();
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'STORAGE_UNAVAILABLE', status: 503 });
      expect((error as Error).message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|ENOTDIR|not-a-folder/);
    });
  });
});

describe('an S3 store that takes connections but never answers', () => {
  let hung: net.Server;
  let port: number;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    hung = net.createServer((socket) => sockets.add(socket)).listen(0, '127.0.0.1');
    await new Promise((resolve) => hung.once('listening', resolve));
    port = (hung.address() as net.AddressInfo).port;
  });
  afterAll(
    () =>
      new Promise((resolve) => {
        hung.close(resolve);
        for (const socket of sockets) socket.destroy();
      }),
  );

  it('answers 503 STORAGE_UNAVAILABLE once its answer is overdue, rather than hanging the request', async () => {
    const storage = S3AudioStorage.fromConfig({ ...readS3Config(await downS3Env()), endpoint: `http://127.0.0.1:${port}` }, { connectMs: 1000, answerMs: 300 });
    const started = Date.now();
    const error = await rejection(storage.sizeIfAny('2026/11/20/hung.wav'));
    storage.close();
    expect(error).toMatchObject({ code: 'STORAGE_UNAVAILABLE', status: 503 });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('S3 multipart upload', () => {
  it('goes up in 8 MiB parts and, when a part fails, is aborted with nothing left under the key', async () => {
    const storage = S3AudioStorage.fromConfig(s3.config);
    const sent: string[] = [];
    let parts = 0;
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName as string);
        if (args.input && context.commandName === UploadPartCommand.name && ++parts === 2) throw new Error('connection reset by the store');
        return next(args);
      },
      { step: 'initialize', name: 'failSecondPart' },
    );
    const bytes = randomBytes(MULTIPART_PART_BYTES * 2 + 1);
    const error = await rejection(storage.put('2026/11/21/failed-parts.wav', bytes, sha256Hex(bytes)));
    expect(error).toBeInstanceOf(Error);
    expect(sent).toEqual(['CreateMultipartUploadCommand', 'UploadPartCommand', 'UploadPartCommand', 'AbortMultipartUploadCommand']);
    expect(await storage.sizeIfAny('2026/11/21/failed-parts.wav')).toBeNull();
    expect(await s3.keys()).not.toContain('2026/11/21/failed-parts.wav');
    storage.close();
  });

  it('sends a file of one part or less in one PUT, and a larger one in parts', async () => {
    const storage = S3AudioStorage.fromConfig(s3.config);
    const sent: string[] = [];
    storage.client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName as string);
        return next(args);
      },
      { step: 'initialize', name: 'record' },
    );
    const small = randomBytes(MULTIPART_PART_BYTES);
    await storage.put('2026/11/21/one-part.wav', small, sha256Hex(small));
    expect(sent).toEqual(['PutObjectCommand']);
    sent.length = 0;
    const large = randomBytes(MULTIPART_PART_BYTES + 1);
    await storage.put('2026/11/21/two-parts.wav', large, sha256Hex(large));
    expect(sent).toEqual(['CreateMultipartUploadCommand', 'UploadPartCommand', 'UploadPartCommand', 'CompleteMultipartUploadCommand']);
    expect(await bytesOf(await storage.read('2026/11/21/two-parts.wav', { start: MULTIPART_PART_BYTES - 1, end: MULTIPART_PART_BYTES }))).toEqual(
      large.subarray(MULTIPART_PART_BYTES - 1),
    );
    storage.close();
  });
});

import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { DomainError, notFound } from '#server/common/domain-error.js';

/**
 * Where the original audio bytes live (AUDIO_STORAGE): files under DATA_DIR/audio, or an
 * S3-compatible store. Callers know only keys, made by the server and never taken from user input.
 */
export abstract class AudioStorage {
  /** `local` or `s3`, for the summary of `npm run audio:move` and the logs. */
  abstract readonly kind: 'local' | 's3';
  /**
   * Stores the bytes under the key, atomically: the key holds all of them or nothing. The bytes
   * must hash to `sha256` (hex), or nothing is stored (AudioIntegrityError); an S3 store checks the
   * hash again on what it received.
   */
  abstract put(key: string, bytes: Uint8Array, sha256: string): Promise<void>;
  /** Reads bytes [start, end] inclusive, or the whole object: 404 NOT_FOUND when there is none. */
  abstract read(key: string, range?: { start: number; end: number }): Promise<Readable>;
  /** The object's size in bytes, or null when there is none. */
  abstract sizeIfAny(key: string): Promise<number | null>;
  /** Removes the object; nothing to remove is not an error. */
  abstract delete(key: string): Promise<void>;
  /** Every stored object with when it was last written, in no particular order (for the orphan sweep). */
  abstract list(): AsyncIterable<StoredObject>;

  /** Lets go of connections (the S3 client's sockets) when the application closes. */
  close(): void {}

  /** The object's size in bytes: 404 NOT_FOUND when there is none. */
  async size(key: string): Promise<number> {
    const size = await this.sizeIfAny(key);
    if (size === null) throw notFound('Audio');
    return size;
  }

  /** The SHA-256 (hex) of what is stored under the key, read through once; null when there is nothing. */
  async sha256(key: string): Promise<string | null> {
    if ((await this.sizeIfAny(key)) === null) return null;
    const hash = createHash('sha256');
    for await (const chunk of await this.read(key)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }
}

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

/** Bytes that do not hash to what the caller says they are: nothing is stored. */
export class AudioIntegrityError extends Error {
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`audio ${key}: SHA-256 ${actual} is not the expected ${expected}; nothing stored`);
  }
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The check every storage makes before it stores anything. */
export function checkSha256(key: string, bytes: Uint8Array, expected: string): void {
  const actual = sha256Hex(bytes);
  if (actual !== expected.toLowerCase()) throw new AudioIntegrityError(key, expected, actual);
}

/** 503 STORAGE_UNAVAILABLE: the store does not answer. The cause goes to the log, never into the answer. */
export const storageUnavailable = (kind: 'local' | 's3') =>
  new DomainError('STORAGE_UNAVAILABLE', `The audio storage (${kind}) does not answer; try again later`, undefined, { headers: { 'Retry-After': '30' } });

import type { Readable } from 'node:stream';

/**
 * Where the original audio bytes live. Callers know only keys; local files now, and an
 * S3-compatible store can implement the same four calls later without touching them.
 */
export abstract class AudioStorage {
  /** Stores the bytes under the key, atomically: the key either holds all of them or nothing. */
  abstract put(key: string, bytes: Uint8Array): Promise<void>;
  /** Reads bytes [start, end] inclusive, or the whole object. */
  abstract read(key: string, range?: { start: number; end: number }): Promise<Readable>;
  abstract size(key: string): Promise<number>;
  abstract delete(key: string): Promise<void>;
}

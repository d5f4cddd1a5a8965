import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import { notFound } from '#server/common/domain-error.js';
import { AudioStorage, checkSha256, type StoredObject, storageUnavailable } from './audio-storage.js';

const KEY_PATTERN = /^[a-z0-9/_.-]+$/;

/** The file system answers, just not with this file: anything else (EIO, ENOTDIR, EROFS, ENOSPC…) is the disk failing. */
const isMissing = (e: unknown) => (e as NodeJS.ErrnoException)?.code === 'ENOENT';

/** Audio files under DATA_DIR/audio (AUDIO_STORAGE=local). */
export class LocalAudioStorage extends AudioStorage {
  readonly kind = 'local' as const;
  private readonly logger = new Logger('AudioStorage');

  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, key);
  }

  private unavailable(what: string, e: unknown): never {
    this.logger.error(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    throw storageUnavailable(this.kind);
  }

  async put(key: string, bytes: Uint8Array, sha256: string): Promise<void> {
    const file = this.pathOf(key);
    checkSha256(key, bytes, sha256);
    const temp = `${file}.partial-${process.pid}-${Date.now()}`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, file); // a reader never sees half a file
    } catch (e) {
      await rm(temp, { force: true }).catch(() => undefined);
      this.unavailable(`put ${key}`, e);
    }
  }

  async read(key: string, range?: { start: number; end: number }): Promise<Readable> {
    const file = this.pathOf(key);
    // Opened here, so that a missing file or a failing disk is an answer, not an error halfway through the body.
    const handle = await open(file, 'r').catch((e: unknown) => (isMissing(e) ? null : this.unavailable(`read ${key}`, e)));
    if (!handle) throw notFound('Audio');
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async sizeIfAny(key: string): Promise<number | null> {
    try {
      return (await stat(this.pathOf(key))).size;
    } catch (e) {
      if (isMissing(e)) return null;
      this.unavailable(`stat ${key}`, e);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await rm(this.pathOf(key), { force: true });
    } catch (e) {
      this.unavailable(`delete ${key}`, e);
    }
  }

  async *list(): AsyncIterable<StoredObject> {
    yield* this.walk('');
  }

  /** Files under a folder of the root, depth first; a folder removed meanwhile is simply empty. */
  private async *walk(folder: string): AsyncIterable<StoredObject> {
    const entries = await readdir(path.join(this.root, folder), { withFileTypes: true }).catch((e: unknown) =>
      isMissing(e) ? [] : this.unavailable(`list ${folder || '/'}`, e),
    );
    for (const entry of entries) {
      const key = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) yield* this.walk(key);
      else if (entry.isFile()) {
        const stats = await stat(path.join(this.root, key)).catch(() => null);
        if (stats) yield { key, modifiedAt: stats.mtime };
      }
    }
  }
}

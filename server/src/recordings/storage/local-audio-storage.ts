import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AudioStorage } from './audio-storage.js';

const KEY_PATTERN = /^[a-z0-9/_.-]+$/;

/** Audio files under DATA_DIR/audio. Keys are made by the server, never taken from user input. */
export class LocalAudioStorage extends AudioStorage {
  constructor(private readonly root: string) {
    super();
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key) || key.includes('..')) throw new Error(`invalid storage key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.partial-${process.pid}-${Date.now()}`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, file); // a reader never sees half a file
    } catch (e) {
      await rm(temp, { force: true });
      throw e;
    }
  }

  async read(key: string, range?: { start: number; end: number }): Promise<Readable> {
    return createReadStream(this.pathOf(key), range ? { start: range.start, end: range.end } : {});
  }

  async size(key: string): Promise<number> {
    return (await stat(this.pathOf(key))).size;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

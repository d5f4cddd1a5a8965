import type { AudioStorageConfig } from '#server/config/app-config.js';
import type { AudioStorage } from './audio-storage.js';
import { LocalAudioStorage } from './local-audio-storage.js';
import { S3AudioStorage } from './s3-audio-storage.js';

/** The storage AUDIO_STORAGE names: files under DATA_DIR/audio, or the S3-compatible store of the S3_* variables. */
export function createAudioStorage(config: AudioStorageConfig): AudioStorage {
  return config.kind === 's3' ? S3AudioStorage.fromConfig(config.s3) : new LocalAudioStorage(config.root);
}

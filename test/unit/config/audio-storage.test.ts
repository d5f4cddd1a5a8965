import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '#server/config/app-config.js';

/** The variables of CONTRACT.md "Starting" for a MinIO-like store, as docker-compose.yml sets them. */
const s3Env = (over: Record<string, string | undefined> = {}) => ({
  AUDIO_STORAGE: 's3',
  S3_ENDPOINT: 'http://minio:9000',
  S3_REGION: 'us-east-1',
  S3_BUCKET: 'qa-audio',
  S3_ACCESS_KEY_ID: 'qa-minio',
  S3_SECRET_ACCESS_KEY: 'qa-minio-change-me',
  S3_FORCE_PATH_STYLE: '1',
  ...over,
});

describe('AUDIO_STORAGE and the S3_* variables (issue 16)', () => {
  it('is local by default: files under DATA_DIR/audio', () => {
    expect(readConfig({ DATA_DIR: '/srv/qa' }).audioStorage).toEqual({ kind: 'local', root: path.resolve('/srv/qa/audio') });
    expect(readConfig({ DATA_DIR: '/srv/qa', AUDIO_STORAGE: 'local' }).audioStorage.kind).toBe('local');
  });

  it('reads the S3 store from its variables', () => {
    expect(readConfig(s3Env()).audioStorage).toEqual({
      kind: 's3',
      s3: {
        endpoint: 'http://minio:9000',
        region: 'us-east-1',
        bucket: 'qa-audio',
        credentials: { accessKeyId: 'qa-minio', secretAccessKey: 'qa-minio-change-me' },
        forcePathStyle: true,
      },
    });
  });

  it('takes AWS S3 itself without an endpoint, and the SDK’s own credentials when neither key is set', () => {
    const config = readConfig(s3Env({ S3_ENDPOINT: undefined, S3_ACCESS_KEY_ID: undefined, S3_SECRET_ACCESS_KEY: undefined, S3_FORCE_PATH_STYLE: undefined }));
    expect(config.audioStorage).toEqual({
      kind: 's3',
      s3: { endpoint: undefined, region: 'us-east-1', bucket: 'qa-audio', credentials: undefined, forcePathStyle: false },
    });
  });

  it.each([
    ['an unknown storage', { AUDIO_STORAGE: 'minio' }, /AUDIO_STORAGE="minio" is not an audio storage: use one of local, s3/],
    ['no bucket', s3Env({ S3_BUCKET: undefined }), /S3_BUCKET is not set/],
    ['an empty bucket', s3Env({ S3_BUCKET: ' ' }), /S3_BUCKET is not set/],
    ['a bucket name S3 refuses', s3Env({ S3_BUCKET: 'QA_Audio' }), /S3_BUCKET="QA_Audio" is not a bucket name/],
    ['no region', s3Env({ S3_REGION: undefined }), /S3_REGION is not set/],
    ['an endpoint that is not a URL', s3Env({ S3_ENDPOINT: 'minio:9000' }), /S3_ENDPOINT="minio:9000" is not an http\(s\) URL/],
    ['a key id without its secret', s3Env({ S3_SECRET_ACCESS_KEY: undefined }), /S3_SECRET_ACCESS_KEY is not set: set both/],
    ['a secret without its key id', s3Env({ S3_ACCESS_KEY_ID: undefined }), /S3_ACCESS_KEY_ID is not set: set both/],
    ['a path style that is not 1 or 0', s3Env({ S3_FORCE_PATH_STYLE: 'yes' }), /S3_FORCE_PATH_STYLE="yes" is not 1 or 0/],
  ])('refuses to start with %s, naming the variable', (_title, env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it('names every wrong variable at once', () => {
    expect(() => readConfig(s3Env({ S3_BUCKET: undefined, S3_REGION: undefined }))).toThrow(/AUDIO_STORAGE=s3: S3_REGION is not set .*; S3_BUCKET is not set\./);
  });

  it('reads docker-compose.yml’s sample, which sets exactly these variables', () => {
    const compose = readFileSync('docker-compose.yml', 'utf8');
    const env = Object.fromEntries([...compose.matchAll(/^ {4}((?:AUDIO_STORAGE|S3_[A-Z_]+)): '?([^'\n]*)'?$/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(env).sort()).toEqual(Object.keys(s3Env()).sort());
    expect(readConfig(env).audioStorage).toEqual(readConfig(s3Env()).audioStorage);
  });

  it('does not read the S3 variables with local storage', () => {
    expect(readConfig({ AUDIO_STORAGE: 'local', S3_FORCE_PATH_STYLE: 'yes' }).audioStorage.kind).toBe('local');
  });
});

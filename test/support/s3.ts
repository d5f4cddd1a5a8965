import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { readS3Config, type S3Config } from '#server/config/app-config.js';
import { s3ClientOf } from '#server/recordings/storage/s3-audio-storage.js';
import { freePort } from './processes.js';

/** A real S3 protocol server (s3rver) in this process, with one bucket, on a port of its own. */
export interface TestS3 {
  config: S3Config;
  /** The S3_* variables of CONTRACT.md "Starting" for this server, as an operator would set them. */
  env: Record<string, string>;
  /** Every key in the bucket. */
  keys(): Promise<string[]>;
  client: S3Client;
  stop(): Promise<void>;
}

export async function startS3(bucket = 'qa-audio'): Promise<TestS3> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'qa-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const env = {
    AUDIO_STORAGE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: '1',
  };
  const config = readS3Config(env);
  const client = s3ClientOf(config);
  return {
    config,
    env,
    client,
    async keys() {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
        token = page.NextContinuationToken;
      } while (token);
      return keys.sort();
    },
    async stop() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** The same variables pointing at a port where nothing listens: a store that is down. */
export async function downS3Env(): Promise<Record<string, string>> {
  const port = await freePort();
  return {
    AUDIO_STORAGE: 's3',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_REGION: 'us-east-1',
    S3_BUCKET: 'qa-audio',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: '1',
  };
}

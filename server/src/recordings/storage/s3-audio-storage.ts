import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Logger } from '@nestjs/common';
import { notFound } from '#server/common/domain-error.js';
import type { S3Config } from '#server/config/app-config.js';
import { AudioStorage, checkSha256, type StoredObject, storageUnavailable } from './audio-storage.js';

/** Files larger than one part go up in parts of 8 MiB (S3 wants 5 MiB at least, but the last). */
export const MULTIPART_PART_BYTES = 8 * 1024 * 1024;

/** The store answered that the object is not there (a missing bucket is a misconfigured store, not a missing call). */
const isMissing = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.$metadata?.httpStatusCode === 404 && (err.name === 'NoSuchKey' || err.name === 'NotFound');
};

const base64Sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

export interface S3Timeouts {
  /** To open a connection. */
  connectMs: number;
  /** From sending a request to its answer's headers (the body of a GET then streams for as long as the player reads). */
  answerMs: number;
}

const TIMEOUTS: S3Timeouts = { connectMs: 3_000, answerMs: 15_000 };

/**
 * The S3 client for the S3_* variables: three attempts, and no request left hanging on a store that
 * went away. No socket idle timeout: a paused player leaves its GET idle, and that is no failure.
 */
export function s3ClientOf(config: S3Config, timeouts: S3Timeouts = TIMEOUTS): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    maxAttempts: 3,
    requestHandler: { connectionTimeout: timeouts.connectMs, requestTimeout: timeouts.answerMs, throwOnRequestTimeout: true },
  });
}

/**
 * Audio in an S3-compatible store (AUDIO_STORAGE=s3): AWS S3, MinIO, Ceph RGW, OSS, COS. Each put
 * carries its SHA-256, which the store checks on what it received (a bad digest stores nothing);
 * a file over one part goes up as a multipart upload, aborted when a part fails. A store that does
 * not answer is 503 STORAGE_UNAVAILABLE, its error in the log.
 */
export class S3AudioStorage extends AudioStorage {
  readonly kind = 's3' as const;
  private readonly logger = new Logger('AudioStorage');

  constructor(
    readonly client: S3Client,
    private readonly bucket: string,
    private readonly partBytes = MULTIPART_PART_BYTES,
  ) {
    super();
  }

  static fromConfig(config: S3Config, timeouts?: S3Timeouts): S3AudioStorage {
    return new S3AudioStorage(s3ClientOf(config, timeouts), config.bucket);
  }

  /** Runs one call to the store: a missing object goes back to the caller as is, anything else is 503. */
  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (isMissing(e)) throw e;
      const err = e as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
      this.logger.error(`${what}: ${err?.name ?? 'Error'} ${err?.$metadata?.httpStatusCode ?? ''} ${err?.message ?? String(e)}`);
      throw storageUnavailable(this.kind);
    }
  }

  async put(key: string, bytes: Uint8Array, sha256: string): Promise<void> {
    checkSha256(key, bytes, sha256);
    if (bytes.length <= this.partBytes) {
      const checksum = Buffer.from(sha256, 'hex').toString('base64');
      await this.call(`put ${key}`, () =>
        this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: bytes, ContentLength: bytes.length, ChecksumSHA256: checksum })),
      );
      return;
    }
    await this.putInParts(key, bytes);
  }

  private async putInParts(key: string, bytes: Uint8Array): Promise<void> {
    const { UploadId } = await this.call(`start multipart ${key}`, () =>
      this.client.send(new CreateMultipartUploadCommand({ Bucket: this.bucket, Key: key, ChecksumAlgorithm: 'SHA256' })),
    );
    try {
      const parts: { ETag?: string; PartNumber: number; ChecksumSHA256: string }[] = [];
      for (let at = 0, n = 1; at < bytes.length; at += this.partBytes, n++) {
        const body = bytes.subarray(at, at + this.partBytes);
        const checksum = base64Sha256(body);
        const { ETag } = await this.call(`part ${n} of ${key}`, () =>
          this.client.send(
            new UploadPartCommand({ Bucket: this.bucket, Key: key, UploadId, PartNumber: n, Body: body, ContentLength: body.length, ChecksumSHA256: checksum }),
          ),
        );
        parts.push({ ETag, PartNumber: n, ChecksumSHA256: checksum });
      }
      await this.call(`complete multipart ${key}`, () =>
        this.client.send(new CompleteMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId, MultipartUpload: { Parts: parts } })),
      );
    } catch (e) {
      // The parts already sent are dropped: the key never held anything, and the store keeps no orphan parts.
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId })).catch((abortError: unknown) => {
        this.logger.warn(`abort multipart ${key}: ${abortError instanceof Error ? abortError.message : String(abortError)}`);
      });
      throw e;
    }
  }

  async read(key: string, range?: { start: number; end: number }): Promise<Readable> {
    try {
      const res = await this.call(`get ${key}`, () =>
        this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined })),
      );
      if (!(res.Body instanceof Readable)) throw new Error(`get ${key}: the body is not a stream`);
      return res.Body;
    } catch (e) {
      if (isMissing(e)) throw notFound('Audio');
      throw e;
    }
  }

  async sizeIfAny(key: string): Promise<number | null> {
    try {
      const head = await this.call(`head ${key}`, () => this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key })));
      return head.ContentLength ?? null;
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    await this.call(`delete ${key}`, () => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })));
  }

  async *list(): AsyncIterable<StoredObject> {
    let token: string | undefined;
    do {
      const page = await this.call('list', () => this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, ContinuationToken: token })));
      for (const o of page.Contents ?? []) if (o.Key && o.LastModified) yield { key: o.Key, modifiedAt: o.LastModified };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  override close(): void {
    this.client.destroy();
  }
}

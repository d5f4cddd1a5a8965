/**
 * `npm run audio:move -- --to s3|local [--delete-source] [--concurrency N]`: copies every recording's
 * audio from the other storage (DATA_DIR/audio, or the S3 store of the S3_* variables) into the one
 * named, verifying each by the SHA-256 recorded at ingest. Resumable: what the target holds with the
 * right hash already is skipped. Exit code 0 all there, 1 some not moved (listed), 2 usage error,
 * 3 stopped before the end (interrupted, a store that does not answer: run it again).
 */
import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { readConfig, readS3Config } from '#server/config/app-config.js';
import { dataSourceOptions } from '#server/database/data-source-options.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '#server/database/embedded-postgres.js';
import { RecordingRepository } from '#server/recordings/recording.repository.js';
import { audioPages, MOVE_EXIT as EXIT, moveAudio, moveExitCode, moveSummaryText } from '#server/recordings/storage/audio-move.js';
import type { AudioStorage } from '#server/recordings/storage/audio-storage.js';
import { LocalAudioStorage } from '#server/recordings/storage/local-audio-storage.js';
import { S3AudioStorage } from '#server/recordings/storage/s3-audio-storage.js';

const USAGE = `usage: npm run audio:move -- --to s3|local [--delete-source] [--concurrency N]
  --to s3           DATA_DIR/audio → the S3 store of S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE
  --to local        the S3 store → DATA_DIR/audio
  --delete-source   remove each source copy once its target copy is verified (default: keep it)
  --concurrency N   objects moved at once (default 4)
  DATABASE_URL      the server's database (unset: the embedded one under DATA_DIR; stop the server first)
Then set AUDIO_STORAGE to the target and restart the server.`;

function usageError(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(EXIT.usage);
}

async function main(): Promise<number> {
  let args: { values: { to?: string; 'delete-source'?: boolean; concurrency?: string; help?: boolean } };
  try {
    args = parseArgs({
      options: { to: { type: 'string' }, 'delete-source': { type: 'boolean' }, concurrency: { type: 'string', default: '4' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    usageError((e as Error).message);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.done;
  }
  const to = args.values.to;
  if (to !== 's3' && to !== 'local') usageError(`--to must be s3 or local${to ? `, not ${JSON.stringify(to)}` : ''}`);
  const concurrency = Number(args.values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) usageError('--concurrency must be a whole number from 1 to 64');

  let local: AudioStorage;
  let s3: AudioStorage;
  let dataDir: string;
  let databaseUrl: string | undefined;
  try {
    // AUDIO_STORAGE is what the server uses now; the move reads both storages whatever it says.
    const config = readConfig({ ...process.env, AUDIO_STORAGE: 'local' });
    dataDir = config.dataDir;
    databaseUrl = config.databaseUrl;
    local = new LocalAudioStorage(path.join(dataDir, 'audio'));
    s3 = S3AudioStorage.fromConfig(readS3Config(process.env));
  } catch (e) {
    usageError((e as Error).message);
  }

  let embedded: EmbeddedDatabase | undefined;
  if (!databaseUrl) {
    process.stderr.write(`Starting the embedded PostgreSQL under ${dataDir}/pg (the server must be stopped) …\n`);
    embedded = await startEmbeddedPostgres(path.join(dataDir, 'pg'));
    databaseUrl = embedded.url;
  }
  const db = new DataSource(dataSourceOptions(databaseUrl, { extra: { max: 2 } }));
  await db.initialize();
  const controller = new AbortController();
  process.once('SIGINT', () => {
    process.stderr.write('\nstopping after the objects under way…\n');
    controller.abort();
  });
  try {
    let done = 0;
    const summary = await moveAudio({
      from: to === 's3' ? local : s3,
      to: to === 's3' ? s3 : local,
      pages: audioPages(new RecordingRepository(db)),
      deleteSource: args.values['delete-source'] ?? false,
      concurrency,
      signal: controller.signal,
      onObject: () => {
        if (++done % 100 === 0) process.stderr.write(`\r${done} objects…`);
      },
    });
    if (done >= 100) process.stderr.write('\n');
    process.stdout.write(`${moveSummaryText(summary)}\n`);
    return moveExitCode(summary);
  } finally {
    local.close();
    s3.close();
    await db.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`audio:move failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(EXIT.stopped);
  },
);

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';
import { JobQueue } from '#server/jobs/job-queue.js';
import { RecordingRepository } from './recording.repository.js';
import { AudioStorage } from './storage/audio-storage.js';

export const AUDIO_SWEEP = 'audio-sweep';

/** A key the server makes at ingest (`2026/11/26/<id>.wav`), or the temporary file of one being written (`….partial-<pid>-<ms>`). */
const INGEST_KEY = /^\d{4}\/\d{2}\/\d{2}\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(?:wav|mp3)(\.partial-\d+-\d+)?$/;
const BATCH = 500;

export interface SweepResult {
  /** Objects of ingest keys looked at. */
  looked: number;
  /** Orphans removed: audio older than the grace period with no recording row. */
  removed: string[];
}

/**
 * An ingest stores the audio first and then the row, so that no row is ever without its audio; a
 * process killed between the two (or a store that failed to delete a refused call's audio) leaves
 * audio without a row. Every hour (a pg-boss schedule) the audio older than AUDIO_SWEEP_MINUTES with
 * no row is removed. Keys the server does not make are left alone.
 */
@Injectable()
export class AudioSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger('AudioSweep');

  constructor(
    private readonly recordings: RecordingRepository,
    private readonly storage: AudioStorage,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.queue(AUDIO_SWEEP, { retryLimit: 1 });
    await this.jobs.work(AUDIO_SWEEP, { batchSize: 1 }, async () => {
      await this.sweep();
    });
    await this.jobs.schedule(AUDIO_SWEEP, '23 * * * *', {}, process.env.TZ ?? 'Asia/Shanghai');
  }

  /** Removes the audio written before `now` less the grace period that no recording row names. */
  async sweep(now = new Date()): Promise<SweepResult> {
    const before = now.getTime() - this.config.audioSweepMinutes * 60_000;
    const result: SweepResult = { looked: 0, removed: [] };
    let batch: { key: string; id: string }[] = [];
    const flush = async () => {
      const keys = await this.recordings.audioKeysOf(batch.map((o) => o.id));
      for (const o of batch) {
        if (keys.get(o.id) === o.key) continue;
        await this.storage.delete(o.key);
        result.removed.push(o.key);
      }
      batch = [];
    };
    for await (const object of this.storage.list()) {
      const id = INGEST_KEY.exec(object.key)?.[1];
      if (!id) continue;
      result.looked++;
      if (object.modifiedAt.getTime() > before) continue;
      batch.push({ key: object.key, id });
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    if (result.removed.length) this.logger.log(`removed ${result.removed.length} audio objects without a recording: ${result.removed.slice(0, 20).join(', ')}`);
    return result;
  }
}

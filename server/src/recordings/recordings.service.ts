import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Page } from '#shared/api/page.js';
import type { RecordingDetail, RecordingSummary, WaveformPeaks } from '#shared/api/recordings.js';
import { localDateOf } from '#shared/dates.js';
import { ChannelLayout } from '#shared/recordings.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { ScopeService } from '#server/auth/scope.service.js';
import { ChecklistsService } from '#server/checklists/checklists.service.js';
import { invalid, notFound } from '#server/common/domain-error.js';
import { DomainEvents } from '#server/common/domain-events.js';
import { APP_CONFIG, type AppConfig } from '#server/config/app-config.js';
import { validateJsonField } from '#server/common/json-field.js';
import { TransactionRunner } from '#server/database/transaction.js';
import { analyseAudio } from './audio/analyse.js';
import { RecordingMetadataDto, type RecordingQueryDto, TranscriptDto } from './recording.dto.js';
import { toRecordingDetail, toRecordingSummary } from './recording.mapper.js';
import { type RecordingFilter, RecordingRepository, type RecordingRow } from './recording.repository.js';
import { RecordingAccessService } from './recording-access.service.js';
import { AudioStorage, sha256Hex } from './storage/audio-storage.js';

/** Audio deletes in flight at once when retention removes a batch. */
const REMOVE_CONCURRENCY = 8;

export interface IngestResult {
  created: boolean;
  recording: RecordingDetail;
}

@Injectable()
export class RecordingsService {
  private readonly logger = new Logger('Recordings');

  constructor(
    private readonly recordings: RecordingRepository,
    private readonly scope: ScopeService,
    private readonly checklists: ChecklistsService,
    private readonly transaction: TransactionRunner,
    private readonly storage: AudioStorage,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: RecordingAccessService,
  ) {}

  /**
   * Takes one call in, all or nothing: validated, decoded once for duration and peaks, stored with
   * its SHA-256; a second post of the same externalId answers the first one and stores nothing.
   */
  async ingest(user: AuthUser, audio: Uint8Array | undefined, rawMetadata: unknown, rawTranscript: unknown): Promise<IngestResult> {
    const metadata = await validateJsonField('metadata', rawMetadata ?? undefined, RecordingMetadataDto).catch((e) => {
      if (rawMetadata === undefined) throw invalid('metadata', 'is required (a JSON string)', 'required');
      throw e;
    });
    const transcript = rawTranscript === undefined || rawTranscript === '' ? null : await validateJsonField('transcript', rawTranscript, TranscriptDto);
    const agent = await this.scope.agent(user, metadata.agent, { field: 'metadata.agent' });

    const existing = await this.recordings.byExternalId(metadata.externalId);
    if (existing) return { created: false, recording: await this.detail(user, existing) };

    if (!audio?.length) throw invalid('audio', 'is required (the audio file)', 'required');
    const analysis = await analyseAudio(audio, { maxSeconds: this.config.maxAudioSeconds });
    if (metadata.channels && metadata.channels !== ChannelLayout.Mono && analysis.channelCount < 2) {
      throw invalid('metadata.channels', `${metadata.channels} given, but the audio has one channel`, 'channels', { value: metadata.channels });
    }
    const startedAt = new Date(metadata.startedAt);
    if (Number.isNaN(startedAt.getTime())) throw invalid('metadata.startedAt', 'is not a real time', 'notATime');

    const id = randomUUID();
    const localDate = localDateOf(startedAt, process.env.TZ);
    const ext = analysis.format.container === 'mp3' ? 'mp3' : 'wav';
    const audioKey = `${localDate.replaceAll('-', '/')}/${id}.${ext}`;
    const sha256 = sha256Hex(audio);
    // The store checks the bytes against their hash; down, it answers 503 and nothing is stored.
    await this.storage.put(audioKey, audio, sha256);
    try {
      const inserted = await this.transaction.run((tx) =>
        this.recordings.insertIfNew(
          {
            id,
            externalId: metadata.externalId,
            agentId: agent.id,
            teamId: agent.teamId,
            projectId: agent.team.projectId,
            startedAt,
            localDate,
            direction: metadata.direction,
            customerNumber: metadata.customerNumber?.replace(/[ -]/g, '') ?? null,
            businessType: metadata.businessType ?? null,
            channels: metadata.channels ?? ChannelLayout.Mono,
            durationSeconds: analysis.durationSeconds,
            audioFormat: analysis.format.container === 'mp3' ? 'mp3' : `wav-${analysis.format.codec}`,
            sampleRate: analysis.sampleRate,
            channelCount: analysis.channelCount,
            audioKey,
            audioBytes: audio.length,
            audioSha256: sha256,
            hasTranscript: !!transcript,
          },
          analysis.peaks,
          transcript && { ...transcript },
          tx,
        ),
      );
      if (!inserted) {
        await this.removeRefusedAudio(audioKey);
        const winner = await this.recordings.byExternalId(metadata.externalId);
        return { created: false, recording: await this.detail(user, winner!) };
      }
    } catch (e) {
      await this.removeRefusedAudio(audioKey);
      throw e;
    }
    if (transcript) await this.events.emit('recording.transcript-changed', { recordingIds: [id] });
    return { created: true, recording: await this.get(user, id) };
  }

  /** A refused call's audio goes again; if the store fails just then, the refusal still answers (and the log names the orphan). */
  private async removeRefusedAudio(key: string): Promise<void> {
    await this.storage
      .delete(key)
      .catch((e: unknown) => this.logger.error(`could not remove the audio of a refused call, ${key}: ${e instanceof Error ? e.message : String(e)}`));
  }

  async replaceTranscript(user: AuthUser, id: string, body: unknown): Promise<RecordingDetail> {
    const recording = await this.scope.recording(user, id);
    const transcript = await validateJsonField('transcript', body, TranscriptDto);
    await this.transaction.run((tx) => this.recordings.replaceTranscript(id, { ...transcript }, tx));
    await this.events.emit('recording.transcript-changed', { recordingIds: [id] });
    return this.detail(user, { ...recording, hasTranscript: true });
  }

  async get(user: AuthUser, id: string): Promise<RecordingDetail> {
    return this.detail(user, await this.scope.recording(user, id));
  }

  async peaks(user: AuthUser, id: string): Promise<WaveformPeaks> {
    await this.scope.recording(user, id);
    const peaks = await this.recordings.peaks(id);
    if (!peaks) throw notFound('Peaks');
    return peaks;
  }

  private async detail(user: AuthUser, r: RecordingRow): Promise<RecordingDetail> {
    this.scope.require(user, { teamId: r.teamId });
    return toRecordingDetail(r, user, r.hasTranscript ? await this.recordings.transcript(r.id) : null);
  }

  async search(user: AuthUser, q: RecordingQueryDto, ip?: string): Promise<Page<RecordingSummary>> {
    if (q.from && q.to && q.from > q.to) throw invalid('from', 'must not be after to');
    const customerNumber = q.customerNumber?.replace(/[ -]/g, '');
    // Logged, limited and whole numbers only for masked roles; answered within the caller's teams like every search.
    if (customerNumber) await this.access.admitNumberSearch(user, customerNumber, ip);
    const project = q.project ? await this.scope.project(user, q.project, { filter: true }) : undefined;
    const team = q.team ? await this.scope.team(user, q.team, { filter: true }) : undefined;
    const agent = q.agent ? await this.scope.agent(user, q.agent, { filter: true }) : undefined;
    const filter: RecordingFilter = {
      teamIds: this.scope.visibleTeamIds(user),
      projectId: project?.id,
      teamId: team?.id,
      agentId: agent?.id,
      from: q.from,
      to: q.to,
      direction: q.direction,
      minDuration: q.minDuration,
      maxDuration: q.maxDuration,
      hasTranscript: q.hasTranscript,
      customerNumber,
      evaluated: q.evaluated,
      // Calls the caller is to score blind stay out: the filter would give the machine's verdict away (issue 15).
      failed: q.failed ? { code: q.failed, checklistVersionId: (await this.checklists.activeEntity()).id, blindTo: user.id } : undefined,
      sort: q.sort,
      order: q.order,
      page: q.page,
      pageSize: q.pageSize,
    };
    const { total, rows } = await this.recordings.search(filter);
    return { total, items: rows.map((r) => toRecordingSummary(r, user)) };
  }

  /**
   * Deletes the calls' audio through the AudioStorage (whichever store it is) and marks each removed
   * (retention, issue 16): the row, transcript, peaks and scores stay. The audio goes first, the mark
   * after, so a run cut off in between leaves a mark missing, never audio marked present that is not
   * there: the next run deletes it again (a delete of a missing key is not an error) and marks it.
   * Answers the ids marked now and those whose delete failed.
   */
  async removeAudio(calls: { id: string; audioKey: string }[], at = new Date()): Promise<{ removed: string[]; failed: string[] }> {
    const deleted: string[] = [];
    const failed: string[] = [];
    // A few deletes at a time: an object store answers each in milliseconds, a disk at once.
    let next = 0;
    const worker = async () => {
      while (next < calls.length) {
        const call = calls[next++];
        try {
          await this.storage.delete(call.audioKey);
          deleted.push(call.id);
        } catch {
          failed.push(call.id);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(REMOVE_CONCURRENCY, calls.length) }, worker));
    return { removed: await this.recordings.markAudioRemoved(deleted, at), failed };
  }
}

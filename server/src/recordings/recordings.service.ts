import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Page } from '../../../shared/src/api/page.js';
import type { RecordingDetail, RecordingSummary, WaveformPeaks } from '../../../shared/src/api/recordings.js';
import { localDateOf } from '../../../shared/src/dates.js';
import { ChannelLayout } from '../../../shared/src/recordings.js';
import { requireAccess, visibleTeams } from '../auth/access.js';
import type { AuthUser } from '../auth/auth-user.js';
import { invalid, notFound } from '../common/domain-error.js';
import { DomainEvents } from '../common/domain-events.js';
import { validateJsonField } from '../common/json-field.js';
import { AgentRepository } from '../org/agents/agent.repository.js';
import { ProjectRepository } from '../org/projects/project.repository.js';
import { TeamRepository } from '../org/teams/team.repository.js';
import { analyseAudio } from './audio/analyse.js';
import { RecordingMetadataDto, type RecordingQueryDto, TranscriptDto } from './recording.dto.js';
import { RecordingEntity, RecordingPeaksEntity, RecordingTranscriptEntity } from './recording.entity.js';
import { toRecordingDetail, toRecordingSummary } from './recording.mapper.js';
import { RecordingRepository, type RecordingRow } from './recording.repository.js';
import { AudioStorage } from './storage/audio-storage.js';

export interface IngestResult {
  created: boolean;
  recording: RecordingDetail;
}

@Injectable()
export class RecordingsService {
  constructor(
    private readonly db: DataSource,
    private readonly recordings: RecordingRepository,
    private readonly agents: AgentRepository,
    private readonly teams: TeamRepository,
    private readonly projects: ProjectRepository,
    private readonly storage: AudioStorage,
    private readonly events: DomainEvents,
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
    const agent = await this.agents.byEmployeeNo(metadata.agent);
    if (!agent) throw invalid('metadata.agent', `unknown agent ${metadata.agent}`);
    requireAccess(user, { teamId: agent.teamId });

    const existing = await this.recordings.byExternalId(metadata.externalId);
    if (existing) return { created: false, recording: await this.detail(user, existing) };

    if (!audio?.length) throw invalid('audio', 'is required (the audio file)', 'required');
    const analysis = await analyseAudio(audio);
    if (metadata.channels && metadata.channels !== ChannelLayout.Mono && analysis.channelCount < 2) {
      throw invalid('metadata.channels', `${metadata.channels} given, but the audio has one channel`, 'channels', { value: metadata.channels });
    }
    const startedAt = new Date(metadata.startedAt);
    if (Number.isNaN(startedAt.getTime())) throw invalid('metadata.startedAt', 'is not a real time', 'notATime');

    const id = randomUUID();
    const localDate = localDateOf(startedAt, process.env.TZ);
    const ext = analysis.format.container === 'mp3' ? 'mp3' : 'wav';
    const audioKey = `${localDate.replaceAll('-', '/')}/${id}.${ext}`;
    await this.storage.put(audioKey, audio);
    try {
      const inserted = await this.db.transaction(async (m) => {
        const result = await m
          .createQueryBuilder()
          .insert()
          .into(RecordingEntity)
          .values({
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
            audioSha256: createHash('sha256').update(audio).digest('hex'),
            hasTranscript: !!transcript,
          })
          .orIgnore() // ON CONFLICT DO NOTHING: a simultaneous post of the same externalId won
          .execute();
        if (!result.raw.length) return false;
        await m.insert(RecordingPeaksEntity, { recordingId: id, peaks: analysis.peaks });
        if (transcript) await m.insert(RecordingTranscriptEntity, { recordingId: id, transcript: { ...transcript } });
        return true;
      });
      if (!inserted) {
        await this.storage.delete(audioKey);
        const winner = await this.recordings.byExternalId(metadata.externalId);
        return { created: false, recording: await this.detail(user, winner!) };
      }
    } catch (e) {
      await this.storage.delete(audioKey);
      throw e;
    }
    if (transcript) await this.events.emit('recording.transcript-changed', { recordingIds: [id] });
    return { created: true, recording: await this.get(user, id) };
  }

  async replaceTranscript(user: AuthUser, id: string, body: unknown): Promise<RecordingDetail> {
    const recording = await this.visible(user, id);
    const transcript = await validateJsonField('transcript', body, TranscriptDto);
    await this.db.transaction(async (m) => {
      await m.upsert(RecordingTranscriptEntity, { recordingId: id, transcript: { ...transcript }, updatedAt: new Date() }, ['recordingId']);
      await m.update(RecordingEntity, { id }, { hasTranscript: true });
    });
    await this.events.emit('recording.transcript-changed', { recordingIds: [id] });
    return this.detail(user, { ...recording, hasTranscript: true });
  }

  async get(user: AuthUser, id: string): Promise<RecordingDetail> {
    return this.detail(user, await this.visible(user, id));
  }

  async peaks(user: AuthUser, id: string): Promise<WaveformPeaks> {
    await this.visible(user, id);
    const row = await this.db.getRepository(RecordingPeaksEntity).findOneBy({ recordingId: id });
    if (!row) throw notFound('Peaks');
    return row.peaks;
  }

  async transcript(id: string): Promise<TranscriptDto | null> {
    const row = await this.db.getRepository(RecordingTranscriptEntity).findOneBy({ recordingId: id });
    return (row?.transcript as TranscriptDto) ?? null;
  }

  /** Loads a recording and checks the user may see its team; 404 before 403 so ids are not probed cheaply. */
  async visible(user: AuthUser, id: string): Promise<RecordingRow> {
    const recording = await this.recordings.byId(id);
    if (!recording) throw notFound('Recording');
    requireAccess(user, { teamId: recording.teamId });
    return recording;
  }

  private async detail(user: AuthUser, r: RecordingRow): Promise<RecordingDetail> {
    requireAccess(user, { teamId: r.teamId });
    return toRecordingDetail(r, user, r.hasTranscript ? await this.transcript(r.id) : null);
  }

  async search(user: AuthUser, q: RecordingQueryDto): Promise<Page<RecordingSummary>> {
    if (q.from && q.to && q.from > q.to) throw invalid('from', 'must not be after to');
    const filter = { teamIds: visibleTeams(user), ...q, projectId: undefined as string | undefined, teamId: undefined as string | undefined, agentId: undefined as string | undefined };
    if (q.project) {
      const project = await this.projects.byCode(q.project);
      if (!project) throw invalid('project', `unknown project ${q.project}`);
      requireAccess(user, { projectId: project.id });
      filter.projectId = project.id;
    }
    if (q.team) {
      const team = await this.teams.byCode(q.team);
      if (!team) throw invalid('team', `unknown team ${q.team}`);
      requireAccess(user, { teamId: team.id });
      filter.teamId = team.id;
    }
    if (q.agent) {
      const agent = await this.agents.byEmployeeNo(q.agent);
      if (!agent) throw invalid('agent', `unknown agent ${q.agent}`);
      requireAccess(user, { teamId: agent.teamId });
      filter.agentId = agent.id;
    }
    if (q.customerNumber) filter.customerNumber = q.customerNumber.replace(/[ -]/g, '');
    const { total, rows } = await this.recordings.search(filter);
    return { total, items: rows.map((r) => toRecordingSummary(r, user)) };
  }
}

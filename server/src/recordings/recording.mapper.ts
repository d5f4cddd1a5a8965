import type { AccessLogEntry, NumberSearchEntry, RecordingDetail, RecordingSummary } from '#shared/api/recordings.js';
import { maskerFor } from '#shared/masking.js';
import type { TranscriptDocument } from '#shared/recordings.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import type { AccessLogRow } from './recording-access.repository.js';
import type { NumberSearchEntity } from './recording.entity.js';
import type { RecordingRow } from './recording.repository.js';

export function toRecordingSummary(r: RecordingRow, user: AuthUser): RecordingSummary {
  const mask = maskerFor(user.roles);
  return {
    id: r.id,
    externalId: mask.text(r.externalId),
    agent: r.agentNo,
    agentName: r.agentName,
    team: r.teamCode,
    project: r.projectCode,
    startedAt: new Date(r.startedAt).toISOString(),
    localDate: r.localDate,
    direction: r.direction,
    // Who handles complaints end to end sees whole customer numbers; everyone else sees *******5678.
    customerNumber: mask.number(r.customerNumber),
    businessType: r.businessType,
    channels: r.channels,
    duration: Math.round(r.durationSeconds * 1000) / 1000,
    hasTranscript: r.hasTranscript,
  };
}

export function toRecordingDetail(r: RecordingRow, user: AuthUser, transcript: TranscriptDocument | null): RecordingDetail {
  return {
    ...toRecordingSummary(r, user),
    status: 'ready',
    format: r.audioFormat,
    sampleRate: r.sampleRate,
    channelCount: r.channelCount,
    sizeBytes: r.audioBytes,
    sha256: r.audioSha256,
    audioRemovedAt: r.audioRemovedAt ? new Date(r.audioRemovedAt).toISOString() : null,
    transcript: transcript && maskTranscript(transcript, user),
  };
}

/** The transcript as this caller may see it: numbers said in the call masked for masked roles. */
export function maskTranscript(transcript: TranscriptDocument, user: AuthUser): TranscriptDocument {
  const mask = maskerFor(user.roles);
  if (!mask.masked) return transcript;
  return { ...transcript, segments: transcript.segments.map((s) => ({ ...s, text: mask.text(s.text) })) };
}

export const toAccessLogEntry = (r: AccessLogRow, user: AuthUser): AccessLogEntry => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  username: r.username,
  action: r.action,
  recordingId: r.recordingId,
  externalId: maskerFor(user.roles).text(r.externalId),
  agent: r.agent,
  ip: r.ip,
});

export const toNumberSearchEntry = (r: NumberSearchEntity): NumberSearchEntry => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  username: r.username,
  number: r.number,
  outcome: r.outcome,
  ip: r.ip,
});

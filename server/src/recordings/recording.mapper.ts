import type { AccessLogEntry, RecordingDetail, RecordingSummary } from '#shared/api/recordings.js';
import { maskPhoneNumber, type TranscriptDocument } from '#shared/recordings.js';
import { can } from '#shared/permissions.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import type { AccessLogRow } from './recording-access.repository.js';
import type { RecordingRow } from './recording.repository.js';

export function toRecordingSummary(r: RecordingRow, user: AuthUser): RecordingSummary {
  return {
    id: r.id,
    externalId: r.externalId,
    agent: r.agentNo,
    agentName: r.agentName,
    team: r.teamCode,
    project: r.projectCode,
    startedAt: new Date(r.startedAt).toISOString(),
    localDate: r.localDate,
    direction: r.direction,
    // Who handles complaints end to end sees whole customer numbers; everyone else sees 138****5678.
    customerNumber: can(user.roles, 'recording.unmask') ? r.customerNumber : maskPhoneNumber(r.customerNumber),
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
    transcript,
  };
}

export const toAccessLogEntry = (r: AccessLogRow): AccessLogEntry => ({
  id: r.id,
  at: new Date(r.at).toISOString(),
  username: r.username,
  action: r.action,
  recordingId: r.recordingId,
  externalId: r.externalId,
  agent: r.agent,
  ip: r.ip,
});

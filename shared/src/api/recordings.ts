/** Calls as `/api/recordings` answers them (CONTRACT.md "Recordings out"). */
import type { CallDirection, ChannelLayout, TranscriptDocument } from '../recordings.js';

/** A row of `GET /api/recordings`. */
export interface RecordingSummary {
  id: string;
  externalId: string;
  /** The agent's employee number. */
  agent: string;
  agentName: string;
  /** The team's code. */
  team: string;
  /** The project's code. */
  project: string;
  /** ISO 8601 */
  startedAt: string;
  /** The centre's local date, YYYY-MM-DD. */
  localDate: string;
  direction: CallDirection;
  /** As the server shows it to this user: masked (138****5678) unless admin or supervisor. */
  customerNumber: string | null;
  businessType: string | null;
  channels: ChannelLayout;
  /** Seconds, to the millisecond. */
  duration: number;
  hasTranscript: boolean;
}

/** `GET /api/recordings/:id`, and the answer to `POST /api/recordings` and `PUT /api/recordings/:id/transcript`. */
export interface RecordingDetail extends RecordingSummary {
  status: 'ready';
  /** `mp3`, or `wav-` and the codec: `wav-pcm16`, `wav-alaw`, `wav-mulaw`. */
  format: string;
  sampleRate: number;
  channelCount: number;
  sizeBytes: number;
  sha256: string;
  /** ISO 8601: when the project's retention policy deleted the audio (its audio route answers 410 `AUDIO_REMOVED`); null while it is kept. */
  audioRemovedAt: string | null;
  transcript: TranscriptDocument | null;
}

/** `GET /api/recordings/:id/peaks`: computed at ingestion, values in −1…1. */
export interface WaveformPeaks {
  /** Seconds. */
  duration: number;
  /** Peaks per second. */
  sampleRate: number;
  /** One array per audio channel, in the file's order (left first). */
  channels: number[][];
}

/** A row of `GET /api/recordings/access-log`: who played or downloaded which call, when. */
/** One search by customer number (GET /api/recordings/number-searches): every one is logged. */
export interface NumberSearchEntry {
  id: string;
  /** ISO 8601 */
  at: string;
  username: string;
  /** The number searched, normalised. */
  number: string;
  /** `answered`, or why not: `partial` (not a whole number), `throttled` (over the hourly limit). */
  outcome: 'answered' | 'partial' | 'throttled';
  ip: string | null;
}

export interface AccessLogEntry {
  id: string;
  /** ISO 8601 */
  at: string;
  username: string;
  action: 'play' | 'download';
  recordingId: string;
  externalId: string;
  /** The agent's employee number. */
  agent: string;
  ip: string | null;
}

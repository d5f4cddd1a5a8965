/**
 * Decodes a recording once at ingestion to learn its exact duration and to compute the waveform
 * peaks the browser draws (CONTRACT.md "Recordings out": GET /api/recordings/:id/peaks), so the
 * player never has to download and decode the whole file.
 */
import decodeAudio from 'audio-decode';
import type { WaveformPeaks } from '../../../../shared/src/api/recordings.js';
import { DomainError } from '../../common/domain-error.js';
import { mp3FrameCoverage, readWavLayout, sniffAudioFormat, type AudioFormat, type WavLayout } from './sniff.js';

/** Audio that is not a supported format, or whose body does not decode: 415 to the uploader. */
export class UnsupportedAudioError extends DomainError {
  constructor(reason: string) {
    super('UNSUPPORTED_MEDIA', `audio: ${reason}`, [{ field: 'audio', message: reason }]);
    this.name = 'UnsupportedAudioError';
  }
}

export interface AudioAnalysis {
  format: AudioFormat;
  durationSeconds: number;
  sampleRate: number;
  channelCount: number;
  peaks: WaveformPeaks;
}

/** Peaks per second for calls of up to MAX_PEAKS_PER_CHANNEL / 50 = 160 s; longer calls get fewer. */
export const MAX_PEAKS_PER_SECOND = 50;
/**
 * Budget per channel that keeps the peaks JSON of a stereo call under 100 KB whatever its length
 * (≤ 6 characters a value: "-0.37,"). Calls over 8,000 s keep the floor of one peak per second.
 */
export const MAX_PEAKS_PER_CHANNEL = 8000;

export async function analyseAudio(bytes: Uint8Array): Promise<AudioAnalysis> {
  const format = sniffAudioFormat(bytes);
  if (!format) throw new UnsupportedAudioError('not a supported format (WAV PCM 16-bit, A-law, µ-law or MP3)');
  const { channelData, sampleRate } = format.container === 'wav' ? decodeWav(readWavLayout(bytes)!, bytes) : await decodeMp3(bytes);
  const frames = channelData[0]?.length ?? 0;
  if (frames === 0 || sampleRate <= 0) throw new UnsupportedAudioError('the file contains no audio');
  const durationSeconds = frames / sampleRate;
  return { format, durationSeconds, sampleRate, channelCount: channelData.length, peaks: computePeaks(channelData, sampleRate) };
}

// ---------------------------------------------------------------- decoding

interface DecodedAudio {
  channelData: Float32Array[];
  sampleRate: number;
}

/**
 * WAV is decoded here rather than by audio-decode (which is about as fast): a few lines that decode
 * exactly what `sniff.ts` accepts, reading the same layout, including data chunks whose size a
 * recorder left at 0 or overstated. ~2 ms for a 60-s 8 kHz mono call, peaks included.
 */
function decodeWav(layout: WavLayout, bytes: Uint8Array): DecodedAudio {
  const { channelCount, blockAlign, dataOffset, codec } = layout;
  const frames = Math.floor(layout.dataLength / blockAlign);
  const channelData = Array.from({ length: channelCount }, () => new Float32Array(frames));
  if (codec === 'pcm16') {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let c = 0; c < channelCount; c++) {
      const out = channelData[c];
      for (let i = 0, at = dataOffset + 2 * c; i < frames; i++, at += blockAlign) out[i] = view.getInt16(at, true) / 32768;
    }
  } else {
    const table = codec === 'alaw' ? ALAW_TO_FLOAT : MULAW_TO_FLOAT;
    for (let c = 0; c < channelCount; c++) {
      const out = channelData[c];
      for (let i = 0, at = dataOffset + c; i < frames; i++, at += blockAlign) out[i] = table[bytes[at]];
    }
  }
  return { channelData, sampleRate: layout.sampleRate };
}

/** Below this share of well-formed frames an MP3 is refused as corrupt rather than half played. */
const MIN_MP3_FRAME_COVERAGE = 0.5;

async function decodeMp3(bytes: Uint8Array): Promise<DecodedAudio> {
  if (mp3FrameCoverage(bytes) < MIN_MP3_FRAME_COVERAGE) throw new UnsupportedAudioError('the MP3 body is corrupt');
  try {
    return await decodeAudio(bytes);
  } catch (e) {
    throw new UnsupportedAudioError(`the MP3 does not decode (${e instanceof Error ? e.message : String(e)})`);
  }
}

// G.711 expansion (ITU-T G.711, as in the reference g711.c), tabulated once for all 256 codes.
function alawToLinear(code: number): number {
  const a = code ^ 0x55;
  const segment = (a & 0x70) >> 4;
  let t = (a & 0x0f) << 4;
  t += segment === 0 ? 8 : 0x108;
  if (segment > 1) t <<= segment - 1;
  return a & 0x80 ? t : -t;
}
function mulawToLinear(code: number): number {
  const u = ~code & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}
const ALAW_TO_FLOAT = Float32Array.from({ length: 256 }, (_, code) => alawToLinear(code) / 32768);
const MULAW_TO_FLOAT = Float32Array.from({ length: 256 }, (_, code) => mulawToLinear(code) / 32768);

// ---------------------------------------------------------------- peaks

/** Peaks per second for a call of this length: 50, fewer for long calls, never under 1. */
export function peaksPerSecond(durationSeconds: number): number {
  return Math.max(1, Math.min(MAX_PEAKS_PER_SECOND, Math.floor(MAX_PEAKS_PER_CHANNEL / durationSeconds)));
}

/**
 * One value per bucket: the sample of largest magnitude, sign kept (what wavesurfer.js's own
 * exportPeaks produces and draws), rounded to 2 decimals to keep the JSON small.
 */
export function computePeaks(channelData: Float32Array[], sampleRate: number): WaveformPeaks {
  const frames = channelData[0].length;
  const duration = frames / sampleRate;
  const rate = Math.min(peaksPerSecond(duration), sampleRate); // never an empty bucket
  const buckets = Math.ceil(duration * rate);
  const channels = channelData.map((samples) => {
    const peaks = new Array<number>(buckets);
    for (let b = 0; b < buckets; b++) {
      const from = Math.floor((b * sampleRate) / rate);
      const to = Math.min(frames, Math.floor(((b + 1) * sampleRate) / rate));
      let peak = 0;
      for (let i = from; i < to; i++) if (Math.abs(samples[i]) > Math.abs(peak)) peak = samples[i];
      peaks[b] = Math.max(-1, Math.min(1, Math.round(peak * 100) / 100)) + 0; // + 0 turns −0 into 0
    }
    return peaks;
  });
  return { duration, sampleRate: rate, channels };
}

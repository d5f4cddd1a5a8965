/**
 * Decodes a recording once at ingestion to learn its exact duration and to compute the waveform
 * peaks the browser draws (CONTRACT.md "Recordings out": GET /api/recordings/:id/peaks), so the
 * player never has to download and decode the whole file.
 *
 * One road: the bytes are sniffed once into a layout (`sniff.ts`), and decoding reads the samples
 * where that layout says; no decoder reads the header or guesses the format again.
 */
import audioDecode from 'audio-decode';
import type { WaveformPeaks } from '#shared/api/recordings.js';
import { DomainError } from '#server/common/domain-error.js';
import { audioFormatOf, mp3FrameCoverage, sniffAudio, type AudioFormat, type AudioLayout, type Mp3Layout, type WavLayout } from './sniff.js';

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
  const layout = sniffAudio(bytes);
  if (!layout) throw new UnsupportedAudioError('not a supported format (WAV PCM 16-bit, A-law, µ-law or MP3)');
  const { channelData, sampleRate } = await decodeSamples(layout, bytes);
  const frames = channelData[0]?.length ?? 0;
  if (frames === 0 || sampleRate <= 0) throw new UnsupportedAudioError('the file contains no audio');
  const durationSeconds = frames / sampleRate;
  return { format: audioFormatOf(layout), durationSeconds, sampleRate, channelCount: channelData.length, peaks: computePeaks(channelData, sampleRate) };
}

// ---------------------------------------------------------------- decoding

export interface DecodedAudio {
  channelData: Float32Array[];
  sampleRate: number;
}

/** The samples of sniffed bytes, read from where their layout says (the header is not parsed again). */
export async function decodeSamples(layout: AudioLayout, bytes: Uint8Array): Promise<DecodedAudio> {
  return layout.container === 'wav' ? decodeWav(layout, bytes) : decodeMp3(layout, bytes);
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

/**
 * The MP3 decoder is asked for by name and fed the frames from the sniffed first one on, rather than
 * audio-decode's whole-file call, which would detect the format from the bytes once more.
 */
async function decodeMp3(layout: Mp3Layout, bytes: Uint8Array): Promise<DecodedAudio> {
  if (mp3FrameCoverage(bytes, layout) < MIN_MP3_FRAME_COVERAGE) throw new UnsupportedAudioError('the MP3 body is corrupt');
  try {
    const decoder = await audioDecode.mp3();
    const body = await decoder(bytes.subarray(layout.firstFrameOffset));
    const tail = await decoder(); // end of stream: flushes what the decoder still holds, and frees it
    return appendDecoded(body, tail);
  } catch (e) {
    throw new UnsupportedAudioError(`the MP3 does not decode (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** `a` then `b`, as audio-decode's whole-file call joins the decoded body and the flushed tail. */
function appendDecoded(a: DecodedAudio, b: DecodedAudio): DecodedAudio {
  if (!b.channelData.length) return a;
  if (!a.channelData.length) return b;
  const channelCount = Math.max(a.channelData.length, b.channelData.length);
  const channelData = Array.from({ length: channelCount }, (_, c) => {
    const head = a.channelData[c % a.channelData.length];
    const rest = b.channelData[c % b.channelData.length];
    const joined = new Float32Array(head.length + rest.length);
    joined.set(head);
    joined.set(rest, head.length);
    return joined;
  });
  return { channelData, sampleRate: a.sampleRate };
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

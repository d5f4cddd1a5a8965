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
import { audioFormatOf, mp3FrameCoverage, mp3FrameStats, sniffAudio, type AudioFormat, type AudioLayout, type Mp3Layout, type WavLayout } from './sniff.js';

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

/** Sample rates a header may claim (telephony is 8 kHz; studio audio tops out at 192 kHz). */
export const MIN_SAMPLE_RATE = 4000;
export const MAX_SAMPLE_RATE = 192_000;
/** The longest call accepted when the server is not told otherwise (MAX_AUDIO_HOURS). */
export const DEFAULT_MAX_AUDIO_SECONDS = 4 * 3600;

export interface AudioLimits {
  /** Longer calls are refused with 413 AUDIO_TOO_LONG before anything is decoded. */
  maxSeconds?: number;
}

/**
 * Sniffs, checks what the header claims (sample rate, duration) before decoding anything, then
 * decodes chunk by chunk into the peaks: memory stays bounded by a chunk and the peaks budget, not
 * by the length of the call (a long MP3 is never expanded whole into samples).
 */
export async function analyseAudio(bytes: Uint8Array, limits: AudioLimits = {}): Promise<AudioAnalysis> {
  const layout = sniffAudio(bytes);
  if (!layout) throw new UnsupportedAudioError('not a supported format (WAV PCM 16-bit, A-law, µ-law or MP3)');
  const maxSeconds = limits.maxSeconds ?? DEFAULT_MAX_AUDIO_SECONDS;
  const claimedRate = layout.container === 'wav' ? layout.sampleRate : layout.firstFrame.sampleRate;
  if (claimedRate < MIN_SAMPLE_RATE || claimedRate > MAX_SAMPLE_RATE) {
    throw new DomainError(
      'AUDIO_SAMPLE_RATE',
      `audio: a sample rate of ${claimedRate} Hz is outside ${MIN_SAMPLE_RATE}–${MAX_SAMPLE_RATE} Hz`,
      [{ field: 'audio', message: `sample rate ${claimedRate} Hz is outside ${MIN_SAMPLE_RATE}–${MAX_SAMPLE_RATE} Hz` }],
      { params: { sampleRate: claimedRate } },
    );
  }
  const mp3 = layout.container === 'mp3' ? mp3FrameStats(bytes, layout) : null;
  const claimedSeconds = layout.container === 'wav' ? Math.floor(layout.dataLength / layout.blockAlign) / layout.sampleRate : mp3!.seconds;
  if (claimedSeconds > maxSeconds) {
    const seconds = Math.round(claimedSeconds);
    throw new DomainError(
      'AUDIO_TOO_LONG',
      `audio: the call lasts ${seconds} s, over the ${maxSeconds} s accepted`,
      [{ field: 'audio', message: `lasts ${seconds} s, over the ${maxSeconds} s accepted` }],
      { params: { seconds, maxSeconds } },
    );
  }
  if (mp3 && mp3.coverage < MIN_MP3_FRAME_COVERAGE) throw new UnsupportedAudioError('the MP3 body is corrupt');
  const { frames, sampleRate, channelCount, peaks } = layout.container === 'wav' ? wavPeaks(layout, bytes) : await mp3Peaks(layout, bytes, claimedSeconds);
  if (frames === 0 || sampleRate <= 0) throw new UnsupportedAudioError('the file contains no audio');
  return { format: audioFormatOf(layout), durationSeconds: frames / sampleRate, sampleRate, channelCount, peaks };
}

interface StreamedPeaks {
  frames: number;
  sampleRate: number;
  channelCount: number;
  peaks: WaveformPeaks;
}

/** Frames decoded at a time: 64 Ki frames is 256 KB a channel. */
const CHUNK_FRAMES = 65_536;

/** The WAV's samples, a chunk of frames at a time, straight into the peaks. */
function wavPeaks(layout: WavLayout, bytes: Uint8Array): StreamedPeaks {
  const frames = Math.floor(layout.dataLength / layout.blockAlign);
  const peaks = new PeakBuckets(layout.channelCount, layout.sampleRate, frames / layout.sampleRate);
  for (let from = 0; from < frames; from += CHUNK_FRAMES) {
    const count = Math.min(CHUNK_FRAMES, frames - from);
    peaks.push(decodeWavFrames(layout, bytes, from, count));
  }
  return { frames, sampleRate: layout.sampleRate, channelCount: layout.channelCount, peaks: peaks.finish(frames) };
}

/** Input bytes fed to the MP3 decoder at a time. */
const MP3_CHUNK_BYTES = 256 * 1024;

/** The MP3 decoded chunk by chunk (the decoder keeps its state between calls), straight into the peaks. */
async function mp3Peaks(layout: Mp3Layout, bytes: Uint8Array, estimatedSeconds: number): Promise<StreamedPeaks> {
  let peaks: PeakBuckets | null = null;
  let frames = 0;
  let sampleRate = layout.firstFrame.sampleRate;
  let channelCount = 0;
  const take = (chunk: DecodedAudio) => {
    if (!chunk.channelData.length || !chunk.channelData[0].length) return;
    sampleRate = chunk.sampleRate || sampleRate;
    channelCount = Math.max(channelCount, chunk.channelData.length);
    peaks ??= new PeakBuckets(chunk.channelData.length, sampleRate, estimatedSeconds);
    peaks.push(chunk.channelData);
    frames += chunk.channelData[0].length;
  };
  try {
    const decoder = await audioDecode.mp3();
    for (let at = layout.firstFrameOffset; at < bytes.length; at += MP3_CHUNK_BYTES)
      take(await decoder(bytes.subarray(at, Math.min(bytes.length, at + MP3_CHUNK_BYTES))));
    take(await decoder()); // end of stream: flushes what the decoder still holds, and frees it
  } catch (e) {
    throw new UnsupportedAudioError(`the MP3 does not decode (${e instanceof Error ? e.message : String(e)})`);
  }
  const done = peaks as PeakBuckets | null;
  return { frames, sampleRate, channelCount, peaks: done ? done.finish(frames) : { duration: 0, sampleRate: 1, channels: [] } };
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
  return { channelData: decodeWavFrames(layout, bytes, 0, Math.floor(layout.dataLength / layout.blockAlign)), sampleRate: layout.sampleRate };
}

/** `count` frames of the WAV's samples from frame `from`, one array per channel. */
function decodeWavFrames(layout: WavLayout, bytes: Uint8Array, from: number, count: number): Float32Array[] {
  const { channelCount, blockAlign, dataOffset, codec } = layout;
  const start = dataOffset + from * blockAlign;
  const channelData = Array.from({ length: channelCount }, () => new Float32Array(count));
  if (codec === 'pcm16') {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let c = 0; c < channelCount; c++) {
      const out = channelData[c];
      for (let i = 0, at = start + 2 * c; i < count; i++, at += blockAlign) out[i] = view.getInt16(at, true) / 32768;
    }
  } else {
    const table = codec === 'alaw' ? ALAW_TO_FLOAT : MULAW_TO_FLOAT;
    for (let c = 0; c < channelCount; c++) {
      const out = channelData[c];
      for (let i = 0, at = start + c; i < count; i++, at += blockAlign) out[i] = table[bytes[at]];
    }
  }
  return channelData;
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

/**
 * Peaks per second for a call of this length: 50, fewer for long calls; past 8,000 s a fraction
 * (0.5 for a 4-hour call), so that no call gets more than MAX_PEAKS_PER_CHANNEL per channel.
 */
export function peaksPerSecond(durationSeconds: number): number {
  const whole = Math.floor(MAX_PEAKS_PER_CHANNEL / durationSeconds);
  return whole >= 1 ? Math.min(MAX_PEAKS_PER_SECOND, whole) : MAX_PEAKS_PER_CHANNEL / durationSeconds;
}

/**
 * One value per bucket: the sample of largest magnitude, sign kept (what wavesurfer.js's own
 * exportPeaks produces and draws), rounded to 2 decimals to keep the JSON small.
 */
export function computePeaks(channelData: Float32Array[], sampleRate: number): WaveformPeaks {
  const frames = channelData[0].length;
  const buckets = new PeakBuckets(channelData.length, sampleRate, frames / sampleRate);
  buckets.push(channelData);
  return buckets.finish(frames);
}

/**
 * Peaks computed as the samples stream by, a chunk at a time: bucket b holds the frames
 * [⌊b·sampleRate/rate⌋, ⌊(b+1)·sampleRate/rate⌋), its value the sample of largest magnitude.
 * The rate is fixed from the (expected) duration up front; only the peaks are kept.
 */
class PeakBuckets {
  private readonly rate: number;
  private readonly channels: number[][];
  private readonly peak: number[];
  private bucket = 0;
  private end: number;
  private frame = 0;

  constructor(
    private readonly channelCount: number,
    private readonly sampleRate: number,
    expectedSeconds: number,
  ) {
    this.rate = Math.min(peaksPerSecond(Math.max(expectedSeconds, 1 / sampleRate)), sampleRate); // never an empty bucket
    this.channels = Array.from({ length: channelCount }, () => []);
    this.peak = new Array<number>(channelCount).fill(0);
    this.end = Math.floor(sampleRate / this.rate);
  }

  push(chunk: Float32Array[]): void {
    const count = chunk[0]?.length ?? 0;
    for (let i = 0; i < count;) {
      while (this.frame >= this.end) this.close();
      const upTo = Math.min(count, i + (this.end - this.frame));
      for (let c = 0; c < this.channelCount; c++) {
        const samples = chunk[c % chunk.length];
        let peak = this.peak[c];
        for (let k = i; k < upTo; k++) if (Math.abs(samples[k]) > Math.abs(peak)) peak = samples[k];
        this.peak[c] = peak;
      }
      this.frame += upTo - i;
      i = upTo;
    }
  }

  private close(): void {
    for (let c = 0; c < this.channelCount; c++) {
      this.channels[c].push(Math.max(-1, Math.min(1, Math.round(this.peak[c] * 100) / 100)) + 0); // + 0 turns −0 into 0
      this.peak[c] = 0;
    }
    this.bucket++;
    this.end = Math.floor(((this.bucket + 1) * this.sampleRate) / this.rate);
  }

  finish(frames: number): WaveformPeaks {
    const duration = frames / this.sampleRate;
    // ceil, less a rounding hair, so that a fractional rate never adds a bucket; and never past the
    // budget, even when an MP3 decodes a little longer than its frames announced.
    const buckets = Math.min(Math.ceil(duration * this.rate - 1e-9), MAX_PEAKS_PER_CHANNEL);
    while (this.channels[0].length < buckets) this.close();
    return { duration, sampleRate: this.rate, channels: this.channels.map((c) => c.slice(0, buckets)) };
  }
}

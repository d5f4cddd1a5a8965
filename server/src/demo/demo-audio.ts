/**
 * Speech-like demo audio, so the demo call centre has calls to play without recordings of real
 * people: each transcript segment becomes voiced, syllable-shaped sound at the speaker's pitch,
 * with near-silence between segments. Not intelligible speech, just something that looks and
 * sounds like a conversation on a waveform. Also the WAV/G.711 writer the tests use to produce
 * every format the ingestion accepts.
 */
import type { WavCodec } from '#server/recordings/audio/sniff.js';
import { seededRandom as mulberry32 } from '#shared/random.js';

export interface SynthSegment {
  speaker: 'agent' | 'customer';
  start: number;
  end: number;
}

export interface SynthOptions {
  segments: readonly SynthSegment[];
  /** Seconds; segments running past it are cut. */
  duration: number;
  sampleRate?: number;
  /** true: agent on the left channel, customer on the right (CONTRACT.md `stereo-agent-left`). */
  stereo: boolean;
  seed: number;
  /** How the WAV stores samples; many telephone recorders write A-law. Default PCM 16-bit. */
  codec?: WavCodec;
}

interface Voice {
  pitch: number;
  level: number;
}
const VOICES: Record<SynthSegment['speaker'], Voice> = {
  agent: { pitch: 200, level: 0.45 },
  customer: { pitch: 120, level: 0.5 },
};

/** Formant pairs (F1, F2 in Hz) of five vowels: enough variety for a waveform that reads as speech. */
const VOWELS: readonly (readonly [number, number])[] = [
  [800, 1200],
  [300, 2300],
  [350, 800],
  [500, 1800],
  [500, 900],
];

const LINE_HISS = 0.002;

export function synthesiseCall(options: SynthOptions): Uint8Array {
  const { segments, duration, stereo, seed } = options;
  const sampleRate = options.sampleRate ?? 8000;
  const frames = Math.max(0, Math.round(duration * sampleRate));
  const random = mulberry32(seed);
  const agent = new Float32Array(frames);
  const customer = stereo ? new Float32Array(frames) : agent;
  for (const segment of segments) {
    const from = Math.max(0, Math.round(segment.start * sampleRate));
    const to = Math.min(frames, Math.round(segment.end * sampleRate));
    if (to > from) speak(segment.speaker === 'agent' ? agent : customer, from, to, sampleRate, VOICES[segment.speaker], random);
  }
  const channels = stereo ? [agent, customer] : [agent];
  for (const channel of channels) for (let i = 0; i < frames; i++) channel[i] += LINE_HISS * (random() * 2 - 1);
  return encodeWav(channels, sampleRate, options.codec ?? 'pcm16');
}

/**
 * Adds one turn of speech to `out[from, to)`: a sawtooth glottal source whose pitch wanders and
 * falls (declination), through two resonators at the syllable's vowel formants, under syllable
 * envelopes of ~4.5 a second, each opened by a short noise burst (a consonant).
 */
function speak(out: Float32Array, from: number, to: number, sampleRate: number, voice: Voice, random: () => number): void {
  const f1 = new Resonator();
  const f2 = new Resonator();
  const length = to - from;
  const drift = random() * Math.PI * 2;
  let phase = 0;
  for (let at = from; at < to;) {
    const syllable = Math.min(to - at, Math.round((0.16 + random() * 0.12) * sampleRate));
    const gap = Math.round(random() * 0.05 * sampleRate);
    const [formant1, formant2] = VOWELS[Math.floor(random() * VOWELS.length)];
    f1.tune(formant1 * (0.9 + random() * 0.2), 90, sampleRate);
    f2.tune(formant2 * (0.9 + random() * 0.2), 130, sampleRate);
    const stress = 0.6 + random() * 0.4;
    const burst = Math.round(0.025 * sampleRate);
    for (let i = 0; i < syllable; i++) {
      const n = at + i;
      const t = n / sampleRate;
      const progress = (n - from) / length;
      const pitch = voice.pitch * (1 + 0.08 * Math.sin(2 * Math.PI * 0.7 * t + drift) + 0.06 * (0.5 - progress));
      phase += pitch / sampleRate;
      phase -= Math.floor(phase);
      const source = 1 - 2 * phase + 0.03 * (random() * 2 - 1);
      const envelope = Math.sin((Math.PI * i) / syllable) ** 2 * stress;
      const consonant = i < burst ? 0.25 * (random() * 2 - 1) * (1 - i / burst) : 0;
      out[n] += voice.level * (envelope * (0.6 * f1.next(source) + 0.4 * f2.next(source)) + consonant);
    }
    at += syllable + gap;
  }
  for (let n = from; n < to; n++) out[n] = Math.max(-1, Math.min(1, out[n]));
}

/** Two-pole band-pass (a formant), gain-normalised so that its peak response is about 1. */
class Resonator {
  private a0 = 0;
  private b1 = 0;
  private b2 = 0;
  private y1 = 0;
  private y2 = 0;
  tune(frequency: number, bandwidth: number, sampleRate: number): void {
    const r = Math.exp((-Math.PI * bandwidth) / sampleRate);
    this.b1 = 2 * r * Math.cos((2 * Math.PI * Math.min(frequency, sampleRate * 0.45)) / sampleRate);
    this.b2 = -r * r;
    this.a0 = 1 - r;
  }
  next(x: number): number {
    const y = this.a0 * x + this.b1 * this.y1 + this.b2 * this.y2;
    this.y2 = this.y1;
    this.y1 = y;
    return y;
  }
}

// ---------------------------------------------------------------- WAV writer

const FORMAT_TAG: Record<WavCodec, number> = { pcm16: 1, alaw: 6, mulaw: 7 };

/**
 * A canonical WAV: PCM 16-bit with the 16-byte fmt chunk; A-law and µ-law with the 18-byte fmt
 * (cbSize 0) and the fact chunk the spec requires for non-PCM data. Samples in −1…1 are clipped.
 */
export function encodeWav(channels: Float32Array[], sampleRate: number, codec: WavCodec = 'pcm16'): Uint8Array {
  const channelCount = channels.length;
  const frames = channels[0]?.length ?? 0;
  const bytesPerSample = codec === 'pcm16' ? 2 : 1;
  const blockAlign = channelCount * bytesPerSample;
  const dataLength = frames * blockAlign;
  const fmtLength = codec === 'pcm16' ? 16 : 18;
  const factLength = codec === 'pcm16' ? 0 : 12;
  const header = 12 + 8 + fmtLength + factLength + 8;
  const out = new Uint8Array(header + dataLength + (dataLength & 1));
  const view = new DataView(out.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) out[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, out.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, fmtLength, true);
  view.setUint16(20, FORMAT_TAG[codec], true);
  view.setUint16(22, channelCount, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bytesPerSample * 8, true);
  let at = 20 + fmtLength; // cbSize, when present, is already 0
  if (factLength) {
    text(at, 'fact');
    view.setUint32(at + 4, 4, true);
    view.setUint32(at + 8, frames, true);
    at += factLength;
  }
  text(at, 'data');
  view.setUint32(at + 4, dataLength, true);
  at += 8;
  for (let c = 0; c < channelCount; c++) {
    const samples = channels[c];
    if (codec === 'pcm16') {
      for (let i = 0, to = at + 2 * c; i < frames; i++, to += blockAlign) view.setInt16(to, toInt16(samples[i]), true);
    } else {
      const table = compandingTable(codec);
      for (let i = 0, to = at + c; i < frames; i++, to += blockAlign) out[to] = table[toInt16(samples[i]) + 32768];
    }
  }
  return out;
}

function toInt16(sample: number): number {
  const s = Math.max(-1, Math.min(1, sample));
  return Math.max(-32768, Math.min(32767, Math.round(s * 32768)));
}

// G.711 compression, after the ITU-T reference g711.c (linear2alaw / linear2ulaw).
const ALAW_SEGMENT_ENDS = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];
const MULAW_SEGMENT_ENDS = [0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff, 0x1fff];
const segmentOf = (value: number, ends: number[]) => {
  let segment = 0;
  while (segment < 8 && value > ends[segment]) segment++;
  return segment;
};

/** Every 16-bit value's G.711 code, built on first use: writing a long demo call stays fast. */
const compandingTables: Partial<Record<'alaw' | 'mulaw', Uint8Array>> = {};
function compandingTable(codec: 'alaw' | 'mulaw'): Uint8Array {
  const encode = codec === 'alaw' ? linearToAlaw : linearToMulaw;
  return (compandingTables[codec] ??= Uint8Array.from({ length: 65536 }, (_, i) => encode(i - 32768)));
}

export function linearToAlaw(pcm16: number): number {
  let value = pcm16 >> 3;
  let mask = 0xd5;
  if (value < 0) {
    mask = 0x55;
    value = -value - 1;
  }
  const segment = segmentOf(value, ALAW_SEGMENT_ENDS);
  if (segment >= 8) return 0x7f ^ mask;
  const mantissa = (segment < 2 ? value >> 1 : value >> segment) & 0x0f;
  return ((segment << 4) | mantissa) ^ mask;
}

export function linearToMulaw(pcm16: number): number {
  let value = pcm16 >> 2;
  let mask = 0xff;
  if (value < 0) {
    value = -value;
    mask = 0x7f;
  }
  value = Math.min(value, 8159) + (0x84 >> 2);
  const segment = segmentOf(value, MULAW_SEGMENT_ENDS);
  if (segment >= 8) return 0x7f ^ mask;
  return ((segment << 4) | ((value >> (segment + 1)) & 0x0f)) ^ mask;
}

import { readFileSync } from 'node:fs';
import decodeAudio from 'audio-decode';
import { describe, expect, it } from 'vitest';
import { analyseAudio, computePeaks, decodeSamples, peaksPerSecond, UnsupportedAudioError } from '#server/recordings/audio/analyse.js';
import { sniffAudio } from '#server/recordings/audio/sniff.js';
import { encodeWav } from '#server/demo/demo-audio.js';

const MP3 = new Uint8Array(readFileSync(new URL('../../fixtures/audio/short.mp3', import.meta.url)));

/** Deterministic full-scale noise: the worst case for the size of the peaks JSON. */
function noise(frames: number, seed = 1): Float32Array {
  const out = new Float32Array(frames);
  let s = seed;
  for (let i = 0; i < frames; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = (s / 2 ** 31 - 1) * 0.999;
  }
  return out;
}

describe('analyseAudio: WAV durations are exact', () => {
  it.each([
    ['pcm16', 1, 8000, 12_345],
    ['pcm16', 2, 16000, 48_001],
    ['alaw', 1, 8000, 8_001],
    ['alaw', 2, 8000, 24_000],
    ['mulaw', 1, 8000, 7],
    ['mulaw', 2, 11025, 33_075],
  ] as const)('%s, %i channel(s) at %i Hz, %i frames', async (codec, channelCount, sampleRate, frames) => {
    const channels = Array.from({ length: channelCount }, (_, c) => noise(frames, c + 1));
    const result = await analyseAudio(encodeWav(channels, sampleRate, codec));
    expect(result.format).toEqual({ container: 'wav', codec });
    expect(result.durationSeconds).toBe(frames / sampleRate);
    expect(result.sampleRate).toBe(sampleRate);
    expect(result.channelCount).toBe(channelCount);
    expect(result.peaks.duration).toBe(frames / sampleRate);
    expect(result.peaks.channels).toHaveLength(channelCount);
  });
});

describe('analyseAudio: WAV samples match an independent decoder (audio-decode)', () => {
  it.each(['pcm16', 'alaw', 'mulaw'] as const)('%s stereo', async (codec) => {
    const wav = encodeWav([noise(4000, 3), noise(4000, 4)], 8000, codec);
    const ours = await analyseAudio(wav);
    const theirs = await decodeAudio(wav);
    expect(theirs.channelData[0].length).toBe(4000);
    const theirPeaks = computePeaks(theirs.channelData, theirs.sampleRate);
    expect(ours.peaks).toEqual(theirPeaks);
  });

  it('G.711 round trip stays within the codec quantisation', async () => {
    const ramp = Float32Array.from({ length: 2000 }, (_, i) => Math.sin(i / 50) * 0.8);
    for (const codec of ['alaw', 'mulaw'] as const) {
      const { peaks } = await analyseAudio(encodeWav([ramp], 8000, codec));
      const expected = computePeaks([ramp], 8000);
      peaks.channels[0].forEach((v, i) => expect(Math.abs(v - expected.channels[0][i])).toBeLessThanOrEqual(0.03));
    }
  });
});

describe('analyseAudio: MP3', () => {
  it('decodes the fixture: mono, 22,050 Hz, duration from the sample count', async () => {
    const result = await analyseAudio(MP3);
    expect(result.format).toEqual({ container: 'mp3' });
    expect(result.channelCount).toBe(1);
    expect(result.sampleRate).toBe(22050);
    expect(result.durationSeconds).toBe(25_920 / 22050);
    expect(result.peaks.sampleRate).toBe(50);
    expect(result.peaks.channels[0]).toHaveLength(Math.ceil((25_920 / 22050) * 50));
    // The fixture is digital silence (see test/fixtures/audio/README.md).
    expect(new Set(result.peaks.channels[0])).toEqual(new Set([0]));
  });

  it('a glitch midway through still decodes: the decoder resyncs, and so does the corruption check', async () => {
    const glitched = MP3.slice();
    glitched.fill(0x5a, 5000, 5300);
    const result = await analyseAudio(glitched);
    expect(result.durationSeconds).toBeGreaterThan(1);
  });
});

describe('decodeSamples reads the sniffed layout, never the header again', () => {
  // Once sniffed, the header bytes are wiped: a decoder that parsed them again (or let audio-decode
  // guess the format again) would fail or find other samples.
  const wipedUpTo = (bytes: Uint8Array, end: number) => {
    const copy = bytes.slice();
    copy.fill(0, 0, end);
    return copy;
  };

  it.each(['pcm16', 'alaw', 'mulaw'] as const)('a %s stereo WAV', async (codec) => {
    const wav = encodeWav([noise(4000, 5), noise(4000, 6)], 8000, codec);
    const layout = sniffAudio(wav);
    if (layout?.container !== 'wav') throw new Error('the WAV was not sniffed');
    const decoded = await decodeSamples(layout, wipedUpTo(wav, layout.dataOffset));
    expect(decoded).toEqual(await decodeSamples(layout, wav));
    expect(decoded.sampleRate).toBe(8000);
    expect(decoded.channelData).toHaveLength(2);
    expect(computePeaks(decoded.channelData, decoded.sampleRate)).toEqual((await analyseAudio(wav)).peaks);
  });

  it('an MP3 whose ID3v2 tag is gone', async () => {
    const layout = sniffAudio(MP3);
    if (layout?.container !== 'mp3') throw new Error('the MP3 was not sniffed');
    expect(layout.firstFrameOffset).toBeGreaterThan(0);
    const decoded = await decodeSamples(layout, wipedUpTo(MP3, layout.firstFrameOffset));
    expect(decoded.sampleRate).toBe(22050);
    expect(decoded.channelData).toHaveLength(1);
    expect(decoded.channelData[0]).toHaveLength(25_920);
  });
});

describe('analyseAudio: refusals are UnsupportedAudioError (415)', () => {
  const wavHeaderOnly = encodeWav([new Float32Array(100)], 8000).slice(0, 44 - 8); // fmt, no data chunk
  const emptyData = encodeWav([new Float32Array(0)], 8000);
  it.each([
    ['an empty file', new Uint8Array(0)],
    ['a text file', new TextEncoder().encode('RIFF? no. just text.'.repeat(10))],
    ['a WAV header without a data chunk', wavHeaderOnly],
    ['a WAV with an empty data chunk', emptyData],
  ])('%s', async (_title, bytes) => {
    const error = await analyseAudio(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedAudioError);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_MEDIA' });
  });

  it('an MP3 header followed by a corrupt body', async () => {
    // Keep the tag and the first two frame headers (so sniffing passes), then garbage.
    const corrupt = MP3.slice(0, 600);
    const garbage = Uint8Array.from({ length: 4000 }, (_, i) => (i * 31) % 256);
    const bytes = new Uint8Array(corrupt.length + garbage.length);
    bytes.set(corrupt);
    bytes.set(garbage, corrupt.length);
    // The decoder alone would skip the garbage and return 0.08 s of "audio".
    await expect(analyseAudio(bytes)).rejects.toThrow(UnsupportedAudioError);
  });
});

describe('peaks', () => {
  it.each([
    [1, 50],
    [160, 50],
    [161, 49],
    [600, 13],
    [1800, 4],
    [7999, 1],
    [20_000, 0.4],
  ])('a %i-second call gets %i peaks per second', (seconds, rate) => {
    expect(peaksPerSecond(seconds)).toBe(rate);
  });

  it('keep the sign of the loudest sample per bucket, rounded to 2 decimals', () => {
    const samples = new Float32Array(8000 * 2);
    samples[10] = 0.3;
    samples[20] = -0.71234; // the louder one in bucket 0 (160 samples per bucket at 50/s)
    samples[200] = 0.5;
    samples[15_999] = -1;
    const { channels, sampleRate, duration } = computePeaks([samples], 8000);
    expect(sampleRate).toBe(50);
    expect(duration).toBe(2);
    expect(channels[0]).toHaveLength(100);
    expect(channels[0].slice(0, 3)).toEqual([-0.71, 0.5, 0]);
    expect(channels[0][99]).toBe(-1);
    expect(Object.is(channels[0][2], -0)).toBe(false);
  });

  it('a 30-minute stereo 8 kHz call of full-scale noise stays under 100 KB of JSON', async () => {
    const frames = 30 * 60 * 8000;
    const wav = encodeWav([noise(frames, 1), noise(frames, 2)], 8000, 'alaw');
    const { peaks, durationSeconds } = await analyseAudio(wav);
    expect(durationSeconds).toBe(1800);
    const json = JSON.stringify(peaks);
    expect(json.length).toBeLessThan(100_000);
    expect(peaks.channels[0].length).toBeLessThanOrEqual(8000);
    for (const v of peaks.channels[1]) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  }, 30_000);
});

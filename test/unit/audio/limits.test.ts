import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseAudio, computePeaks, MAX_PEAKS_PER_CHANNEL, peaksPerSecond } from '#server/recordings/audio/analyse.js';
import { encodeWav } from '#server/demo/demo-audio.js';

// Issue 11 finding 14: a WAV header is not trusted.
const MP3 = new Uint8Array(readFileSync(new URL('../../fixtures/audio/short.mp3', import.meta.url)));

describe('sample rates outside 4–192 kHz are refused (415 AUDIO_SAMPLE_RATE)', () => {
  it.each([
    ['1 Hz', 1],
    ['3,999 Hz', 3999],
    ['192,001 Hz', 192_001],
  ])('%s', async (_title, sampleRate) => {
    const error = await analyseAudio(encodeWav([new Float32Array(2000)], sampleRate)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUDIO_SAMPLE_RATE', status: 415 });
  });

  it.each([4000, 8000, 192_000])('%i Hz is accepted', async (sampleRate) => {
    const result = await analyseAudio(encodeWav([new Float32Array(sampleRate / 10)], sampleRate));
    expect(result.sampleRate).toBe(sampleRate);
  });
});

describe('calls longer than the maximum are refused before decoding (413 AUDIO_TOO_LONG)', () => {
  it('a WAV one second over', async () => {
    const error = await analyseAudio(encodeWav([new Float32Array(8000 * 11)], 8000), { maxSeconds: 10 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUDIO_TOO_LONG', status: 413, extra: { params: { maxSeconds: 10 } } });
  });
  it('a WAV at the maximum passes', async () => {
    expect((await analyseAudio(encodeWav([new Float32Array(8000 * 10)], 8000), { maxSeconds: 10 })).durationSeconds).toBe(10);
  });
  it('an MP3, from its frames, before it is decoded', async () => {
    const error = await analyseAudio(MP3, { maxSeconds: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'AUDIO_TOO_LONG', status: 413 });
    expect((await analyseAudio(MP3, { maxSeconds: 2 })).durationSeconds).toBe(25_920 / 22050);
  });
  it('the default maximum is 4 hours', async () => {
    // 4 h 1 s of 4 kHz A-law mono: 57.6 MB, refused from its header.
    const frames = (4 * 3600 + 1) * 4000;
    const bytes = encodeWav([new Float32Array(frames)], 4000, 'alaw');
    await expect(analyseAudio(bytes)).rejects.toMatchObject({ code: 'AUDIO_TOO_LONG' });
  }, 30_000);
});

describe('peaks stay within their budget (100 KB) whatever the length', () => {
  it.each([8000, 14_400, 20_000])('a %i-second call gets at most 8,000 peaks per channel', (seconds) => {
    expect(Math.ceil(seconds * peaksPerSecond(seconds))).toBeLessThanOrEqual(MAX_PEAKS_PER_CHANNEL);
  });

  it('a 4-hour stereo call of full-scale noise stays under 100 KB of JSON', () => {
    // At 100 samples a second to keep the test small: the bucketing depends on the duration only.
    const frames = 4 * 3600 * 100;
    const noise = () => Float32Array.from({ length: frames }, (_, i) => (i % 2 ? -0.999 : 0.999) * ((i % 7) / 7));
    const peaks = computePeaks([noise(), noise()], 100);
    expect(peaks.duration).toBe(14_400);
    expect(peaks.channels[0].length).toBeLessThanOrEqual(MAX_PEAKS_PER_CHANNEL);
    expect(JSON.stringify(peaks).length).toBeLessThan(100_000);
  });
});

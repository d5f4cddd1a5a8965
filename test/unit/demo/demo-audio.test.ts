import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyseAudio } from '#server/recordings/audio/analyse.js';
import { encodeWav, linearToAlaw, linearToMulaw, synthesiseCall, type SynthSegment } from '#server/demo/demo-audio.js';

const segments: SynthSegment[] = [
  { speaker: 'agent', start: 0.5, end: 3 },
  { speaker: 'customer', start: 3.5, end: 6 },
  { speaker: 'agent', start: 5.5, end: 8 }, // talks over the customer for 0.5 s
];
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Loudest absolute sample per second of a channel. */
async function loudnessPerSecond(wav: Uint8Array) {
  const { peaks } = await analyseAudio(wav);
  return peaks.channels.map((ch) =>
    Array.from({ length: Math.ceil(peaks.duration) }, (_, s) => Math.max(...ch.slice(s * peaks.sampleRate, (s + 1) * peaks.sampleRate).map(Math.abs))),
  );
}

describe('synthesiseCall', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = synthesiseCall({ segments, duration: 10, stereo: true, seed: 42 });
    const b = synthesiseCall({ segments, duration: 10, stereo: true, seed: 42 });
    const c = synthesiseCall({ segments, duration: 10, stereo: true, seed: 43 });
    expect(sha(a)).toBe(sha(b));
    expect(sha(a)).not.toBe(sha(c));
  });

  it('writes a WAV PCM 16-bit of the requested length and layout', async () => {
    const stereo = await analyseAudio(synthesiseCall({ segments, duration: 10, stereo: true, seed: 1 }));
    expect(stereo).toMatchObject({ format: { container: 'wav', codec: 'pcm16' }, durationSeconds: 10, sampleRate: 8000, channelCount: 2 });
    const mono = await analyseAudio(synthesiseCall({ segments, duration: 10, sampleRate: 16000, stereo: false, seed: 1 }));
    expect(mono).toMatchObject({ durationSeconds: 10, sampleRate: 16000, channelCount: 1 });
  });

  it('puts the agent on the left and the customer on the right, near-silence elsewhere', async () => {
    const [left, right] = await loudnessPerSecond(synthesiseCall({ segments, duration: 10, stereo: true, seed: 7 }));
    expect(left[1]).toBeGreaterThan(0.1); // agent speaking
    expect(right[1]).toBeLessThan(0.02);
    expect(right[4]).toBeGreaterThan(0.1); // customer speaking
    expect(left[4]).toBeLessThan(0.02);
    expect(Math.max(left[9], right[9])).toBeLessThan(0.02); // after the last words
  });

  it('mixes both speakers into one channel when mono', async () => {
    const [mono] = await loudnessPerSecond(synthesiseCall({ segments, duration: 10, stereo: false, seed: 7 }));
    expect(mono[1]).toBeGreaterThan(0.1);
    expect(mono[4]).toBeGreaterThan(0.1);
    expect(mono[9]).toBeLessThan(0.02);
  });

  it.each(['alaw', 'mulaw'] as const)('can write %s, as telephone recorders do', async (codec) => {
    const result = await analyseAudio(synthesiseCall({ segments, duration: 10, stereo: true, seed: 1, codec }));
    expect(result).toMatchObject({ format: { container: 'wav', codec }, durationSeconds: 10, channelCount: 2 });
  });

  it('cuts segments that run past the end', async () => {
    const wav = synthesiseCall({ segments: [{ speaker: 'agent', start: 1, end: 30 }], duration: 2, stereo: false, seed: 1 });
    expect((await analyseAudio(wav)).durationSeconds).toBe(2);
  });
});

// Expected codes from CPython's audioop.lin2alaw / lin2ulaw, which is the ITU reference g711.c.
describe('G.711 encoders', () => {
  it.each([
    [0, 0xd5, 0xff],
    [-1, 0x55, 0x7e],
    [1000, 0xfa, 0xce],
    [-1000, 0x7a, 0x4e],
    [32767, 0xaa, 0x80],
    [-32768, 0x2a, 0x00],
  ])('linear %i → A-law %i, µ-law %i', (pcm, alaw, mulaw) => {
    expect(linearToAlaw(pcm)).toBe(alaw);
    expect(linearToMulaw(pcm)).toBe(mulaw);
  });

  it('encodeWav writes the fact chunk for G.711 and none for PCM', () => {
    const has = (b: Uint8Array, id: string) => Buffer.from(b).includes(id);
    expect(has(encodeWav([new Float32Array(10)], 8000, 'alaw'), 'fact')).toBe(true);
    expect(has(encodeWav([new Float32Array(10)], 8000, 'pcm16'), 'fact')).toBe(false);
  });
});

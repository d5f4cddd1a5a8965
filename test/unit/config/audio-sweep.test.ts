import { describe, expect, it } from 'vitest';
import { readConfig } from '#server/config/app-config.js';

describe('AUDIO_SWEEP_MINUTES (issue 16, faults: the orphan audio sweep)', () => {
  it('is 60 minutes unset or empty, and a whole number of minutes when given', () => {
    expect(readConfig({}).audioSweepMinutes).toBe(60);
    expect(readConfig({ AUDIO_SWEEP_MINUTES: '' }).audioSweepMinutes).toBe(60);
    expect(readConfig({ AUDIO_SWEEP_MINUTES: '15' }).audioSweepMinutes).toBe(15);
  });

  it.each([
    ['zero (would remove the audio of an ingest in flight)', '0'],
    ['negative', '-5'],
    ['a fraction', '1.5'],
    ['a word', 'ten'],
    ['a unit', '60m'],
  ])('refuses %s: %j, naming the variable', (_title, value) => {
    expect(() => readConfig({ AUDIO_SWEEP_MINUTES: value })).toThrow(`AUDIO_SWEEP_MINUTES=${JSON.stringify(value)} is not a whole number of minutes of at least 1`);
  });
});

import { describe, expect, it } from 'vitest';
import { scoreInterval, tooWideToGrade, tQuantile975 } from '#shared/sampling/confidence.js';

describe('scoreInterval', () => {
  it.each([
    ['no scores', [], { n: 0, mean: null, halfWidth: null }],
    ['one score', [88], { n: 1, mean: 88, halfWidth: null }],
    ['identical scores', [90, 90, 90], { n: 3, mean: 90, low: 90, high: 90, halfWidth: 0 }],
    // mean 85, sd = 7.0711, se = 5, t(1) = 12.706 → ±63.5, clipped to 0…100
    ['two scores far apart', [80, 90], { n: 2, mean: 85, low: 21.5, high: 100, halfWidth: 63.5 }],
    // mean 88, sd = √6.5 = 2.5495, se = 1.1402, t(4) = 2.776 → ±3.17
    ['five close scores', [85, 86, 88, 90, 91], { n: 5, mean: 88, low: 84.8, high: 91.2, halfWidth: 3.2 }],
  ])('%s', (_title, scores, expected) => {
    expect(scoreInterval(scores)).toMatchObject(expected);
  });

  it('narrows as the sample grows', () => {
    const few = scoreInterval([70, 95, 85, 90]);
    const many = scoreInterval(Array.from({ length: 40 }, (_, i) => [70, 95, 85, 90][i % 4]));
    expect(many.halfWidth!).toBeLessThan(few.halfWidth!);
    expect(many.mean).toBe(few.mean);
  });

  it('uses Student’s t, approaching 1.96 for large samples', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(30)).toBe(2.042);
    expect(tQuantile975(1000)).toBe(1.96);
  });

  it.each([
    ['a single score', [90], 5, true],
    ['a wide interval', [60, 100, 70, 95, 65, 98], 5, true],
    ['three equal scores (±0, but too few to trust)', [95.5, 95.5, 95.5], 5, true],
    ['a tight interval', [88, 89, 90, 88, 89, 90, 88, 89], 5, false],
  ])('flags %s as too wide to grade: %s', (_title, scores, max, wide) => {
    expect(tooWideToGrade(scoreInterval(scores), max)).toBe(wide);
  });
});

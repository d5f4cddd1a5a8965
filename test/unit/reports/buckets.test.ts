import { describe, expect, it } from 'vitest';
import { bucketCount, bucketsOf } from '#shared/reports/buckets.js';
import { scoreInterval, scoreIntervalOfSums, standardDeviationOfSums } from '#shared/sampling/confidence.js';

describe('bucketsOf', () => {
  it('gives one bucket a day, both ends included', () => {
    expect(bucketsOf('day', '2026-02-27', '2026-03-01')).toEqual([
      { from: '2026-02-27', to: '2026-02-27' },
      { from: '2026-02-28', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-01' },
    ]);
  });

  it('cuts ISO weeks at Monday and clips the first and last to the period', () => {
    // 2026-12-30 is a Wednesday; 2027-01-04 a Monday.
    expect(bucketsOf('week', '2026-12-30', '2027-01-12')).toEqual([
      { from: '2026-12-30', to: '2027-01-03' },
      { from: '2027-01-04', to: '2027-01-10' },
      { from: '2027-01-11', to: '2027-01-12' },
    ]);
  });

  it('cuts calendar months, February of a leap year included', () => {
    expect(bucketsOf('month', '2028-01-15', '2028-03-01')).toEqual([
      { from: '2028-01-15', to: '2028-01-31' },
      { from: '2028-02-01', to: '2028-02-29' },
      { from: '2028-03-01', to: '2028-03-01' },
    ]);
  });

  it('never counts fewer buckets than it makes', () => {
    for (const [from, to] of [
      ['2026-01-01', '2026-12-31'],
      ['2026-12-30', '2027-01-12'],
      ['2026-03-31', '2026-04-01'],
    ])
      for (const bucket of ['day', 'week', 'month'] as const) expect(bucketCount(bucket, from, to)).toBeGreaterThanOrEqual(bucketsOf(bucket, from, to).length);
  });
});

describe('scoreIntervalOfSums', () => {
  const sums = (scores: number[]) => [scores.length, scores.reduce((a, b) => a + b, 0), scores.reduce((a, b) => a + b * b, 0)] as const;

  it.each([[[80, 90, 100]], [[0, 100]], [[72.5, 88, 91, 95, 60, 100, 83.3]], [[90, 90, 90, 90]], [[75]], [[]]])(
    'matches the interval of the scores themselves for %j',
    (scores) => {
      expect(scoreIntervalOfSums(...sums(scores))).toEqual(scoreInterval(scores));
    },
  );

  it('gives the sample standard deviation, null below two scores', () => {
    expect(standardDeviationOfSums(...sums([2, 4, 4, 4, 5, 5, 7, 9]))).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(standardDeviationOfSums(...sums([90]))).toBeNull();
  });
});

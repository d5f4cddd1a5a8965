import { describe, expect, it } from 'vitest';
import { bucketsFor, dashboardPeriod, defaultBucket, isDate } from '#shared/reports/dashboard-period.js';
import { machineGap } from '#shared/reports/machine-gap.js';

describe('dashboardPeriod', () => {
  it('takes a day, and the day before it', () => {
    expect(dashboardPeriod('day', '2026-03-01')).toEqual({
      kind: 'day',
      from: '2026-03-01',
      to: '2026-03-01',
      previous: { from: '2026-02-28', to: '2026-02-28' },
      days: 1,
    });
  });

  it('takes the ISO week (Monday to Sunday) holding the day, and the week before', () => {
    // 2026-10-14 is a Wednesday.
    expect(dashboardPeriod('week', '2026-10-14')).toMatchObject({ from: '2026-10-12', to: '2026-10-18', previous: { from: '2026-10-05', to: '2026-10-11' }, days: 7 });
  });

  it('takes the calendar month, and the month before across a year end', () => {
    expect(dashboardPeriod('month', '2026-01-20')).toMatchObject({ from: '2026-01-01', to: '2026-01-31', previous: { from: '2025-12-01', to: '2025-12-31' } });
  });

  it('takes the calendar quarter, and the quarter before', () => {
    expect(dashboardPeriod('quarter', '2026-05-09')).toMatchObject({
      from: '2026-04-01',
      to: '2026-06-30',
      previous: { from: '2026-01-01', to: '2026-03-31' },
      days: 91,
    });
    expect(dashboardPeriod('quarter', '2026-02-01')).toMatchObject({ from: '2026-01-01', to: '2026-03-31', previous: { from: '2025-10-01', to: '2025-12-31' } });
  });

  it('compares a custom range with as many days just before it, and puts reversed ends right', () => {
    expect(dashboardPeriod('custom', '2026-10-14', { from: '2026-10-10', to: '2026-10-19' })).toEqual({
      kind: 'custom',
      from: '2026-10-10',
      to: '2026-10-19',
      previous: { from: '2026-09-30', to: '2026-10-09' },
      days: 10,
    });
    expect(dashboardPeriod('custom', '2026-10-14', { from: '2026-10-19', to: '2026-10-10' })).toMatchObject({ from: '2026-10-10', to: '2026-10-19' });
  });

  it('falls back to the month holding the day when a custom range lacks an end or has a bad date', () => {
    expect(dashboardPeriod('custom', '2026-10-14', { from: '2026-10-10' })).toMatchObject({ kind: 'month', from: '2026-10-01', to: '2026-10-31' });
    expect(dashboardPeriod('custom', '2026-10-14', { from: '2026-02-30', to: '2026-03-02' })).toMatchObject({ kind: 'month' });
  });
});

describe('isDate', () => {
  it('takes real calendar dates only', () => {
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('2026-02-29')).toBe(false);
    expect(isDate('2026-2-1')).toBe(false);
    expect(isDate(null)).toBe(false);
  });
});

describe('trend buckets', () => {
  it('draws daily points up to two months, weeks up to half a year, months beyond', () => {
    expect([1, 31, 62, 63, 190, 191, 365].map(defaultBucket)).toEqual(['day', 'day', 'day', 'week', 'week', 'month', 'month']);
  });

  it('offers no roll-up coarser than the period', () => {
    expect(bucketsFor(1)).toEqual(['day']);
    expect(bucketsFor(7)).toEqual(['day']);
    expect(bucketsFor(31)).toEqual(['day', 'week']);
    expect(bucketsFor(92)).toEqual(['day', 'week', 'month']);
  });
});

describe('machineGap', () => {
  it('flags a machine rate outside the sample’s 95 % interval and 10 points or more away', () => {
    // 40 of 100 sampled evaluations failed (Wilson 30.9 %–49.8 %); the machine failed 10 % of 2,000 calls.
    const gap = machineGap({ calls: 2000, failures: 200 }, { evaluated: 100, failures: 40 });
    expect(gap.machineRate).toBe(0.1);
    expect(gap.sampledRate).toBe(0.4);
    expect(gap.gap).toBeCloseTo(0.3, 10);
    expect(gap.sampledLow).toBeCloseTo(0.309, 3);
    expect(gap.sampledHigh).toBeCloseTo(0.498, 3);
    expect(gap.flagged).toBe(true);
  });

  it('does not flag a gap the sample cannot tell from chance', () => {
    // 3 of 5 sampled (60 %, Wilson 23.1 %–88.2 %) against the machine's 25 %: 35 points apart, but inside the interval.
    expect(machineGap({ calls: 2000, failures: 500 }, { evaluated: 5, failures: 3 }).flagged).toBe(false);
  });

  it('does not flag a real but small gap', () => {
    // 1,000 of 10,000 sampled is 10 %, interval 9.4 %–10.6 %; the machine's 15 % is outside but only 5 points away.
    expect(machineGap({ calls: 20000, failures: 3000 }, { evaluated: 10000, failures: 1000 }).flagged).toBe(false);
  });

  it('says nothing without calls or without sampled evaluations', () => {
    expect(machineGap({ calls: 0, failures: 0 }, { evaluated: 10, failures: 1 })).toMatchObject({ machineRate: null, gap: null, flagged: false });
    expect(machineGap({ calls: 10, failures: 1 })).toMatchObject({ sampledRate: null, sampledLow: null, gap: null, flagged: false });
  });
});

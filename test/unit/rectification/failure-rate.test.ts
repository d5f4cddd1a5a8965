import { describe, expect, it } from 'vitest';
import { compareFailureRates, itemFailureRate, wilsonInterval } from '#shared/rectification/failure-rate.js';

describe('wilsonInterval', () => {
  it('gives the textbook 95 % Wilson interval', () => {
    // 10 failures in 100: 0.0552 … 0.1744 (Wilson 1927; Newcombe 1998, table I).
    expect(wilsonInterval(10, 100)).toEqual({ calls: 100, failures: 10, rate: 0.1, low: 0.0552, high: 0.1744 });
    // 0 of 10 stays inside 0…1 and is not a point: 0 … 0.2775.
    expect(wilsonInterval(0, 10)).toMatchObject({ rate: 0, low: 0, high: 0.2775 });
    expect(wilsonInterval(10, 10)).toMatchObject({ rate: 1, low: 0.7225, high: 1 });
  });

  it('has no rate without calls, and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual({ calls: 0, failures: 0, rate: null, low: null, high: null });
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0.5, 2)).toThrow(RangeError);
  });

  it('narrows as calls grow', () => {
    const small = wilsonInterval(3, 10);
    const large = wilsonInterval(300, 1000);
    expect(large.high! - large.low!).toBeLessThan(small.high! - small.low!);
  });
});

describe('compareFailureRates', () => {
  it('says improved only when the intervals no longer overlap', () => {
    // 40 % of 50 before (0.276 … 0.538), 5 % of 60 since (0.017 … 0.136): apart.
    expect(itemFailureRate('GREETING', { calls: 50, failures: 20 }, { calls: 60, failures: 3 }).verdict).toBe('improved');
    // 40 % → 25 % on 40 calls each: lower, but the intervals overlap: no verdict of improvement.
    expect(itemFailureRate('GREETING', { calls: 40, failures: 16 }, { calls: 40, failures: 10 }).verdict).toBe('no-change');
  });

  it('says not enough calls yet while one side is small and the intervals overlap', () => {
    expect(itemFailureRate('GREETING', { calls: 50, failures: 20 }, { calls: 3, failures: 0 }).verdict).toBe('not-enough-calls');
    expect(itemFailureRate('GREETING', { calls: 50, failures: 20 }, { calls: 0, failures: 0 }).verdict).toBe('not-enough-calls');
  });

  it('says worse when since lies wholly above before', () => {
    expect(compareFailureRates(wilsonInterval(2, 100), wilsonInterval(40, 100))).toBe('worse');
  });

  it('treats touching intervals as overlapping (the boundary)', () => {
    const before = { calls: 10, failures: 5, rate: 0.5, low: 0.3, high: 0.7 };
    expect(compareFailureRates(before, { calls: 10, failures: 1, rate: 0.1, low: 0.01, high: 0.3 })).toBe('no-change');
    expect(compareFailureRates(before, { calls: 10, failures: 1, rate: 0.1, low: 0.01, high: 0.2999 })).toBe('improved');
  });
});

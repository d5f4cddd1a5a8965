import { describe, expect, it } from 'vitest';
import { itemEarned, scoreEvaluation, type ScoredItem, type Verdict } from '#shared/scoring/index.js';

const item = (points: number, verdict: Verdict, critical = false): ScoredItem => ({ points, verdict, critical });

describe('scoreEvaluation', () => {
  it.each([
    ['every item passed', [item(10, 'pass'), item(5, 'pass')], { score: 100, fatal: false, earned: 15, possible: 15 }],
    ['one item failed', [item(10, 'pass'), item(5, 'fail')], { score: 66.7, fatal: false, earned: 10, possible: 15 }],
    ['N/A drops out of earned and possible', [item(10, 'pass'), item(5, 'na'), item(10, 'fail')], { score: 50, fatal: false, earned: 10, possible: 20 }],
    ['a failed N/A-able item still counts', [item(4, 'fail'), item(4, 'pass')], { score: 50, fatal: false, earned: 4, possible: 8 }],
    ['a failed critical item is fatal, score 0', [item(10, 'pass'), item(5, 'fail', true)], { score: 0, fatal: true, earned: 10, possible: 15 }],
    ['a failed critical item worth 0 points is still fatal', [item(10, 'pass'), item(0, 'fail', true)], { score: 0, fatal: true, earned: 10, possible: 10 }],
    ['a passed critical item is not fatal', [item(10, 'pass', true), item(10, 'fail')], { score: 50, fatal: false, earned: 10, possible: 20 }],
    ['a critical item marked N/A is not fatal', [item(10, 'pass'), item(5, 'na', true)], { score: 100, fatal: false, earned: 10, possible: 10 }],
    ['everything N/A scores 100 (nothing was done wrong)', [item(10, 'na'), item(5, 'na', true)], { score: 100, fatal: false, earned: 0, possible: 0 }],
    ['no items at all scores 100', [], { score: 100, fatal: false, earned: 0, possible: 0 }],
    ['everything failed', [item(10, 'fail'), item(5, 'fail')], { score: 0, fatal: false, earned: 0, possible: 15 }],
  ])('%s', (_title, items, expected) => {
    expect(scoreEvaluation(items)).toEqual(expected);
  });
});

describe('rounding: one decimal, half up, no floating artefacts', () => {
  it.each([
    ['1 of 3 → 33.3', 1, 3, 33.3],
    ['2 of 3 → 66.7', 2, 3, 66.7],
    ['1 of 16 = 6.25 → 6.3 (exact half rounds up)', 1, 16, 6.3],
    ['3 of 16 = 18.75 → 18.8', 3, 16, 18.8],
    ['7 of 80 = 8.75 → 8.8', 7, 80, 8.8],
    ['1 of 8 = 12.5 stays 12.5', 1, 8, 12.5],
    ['199 of 200 = 99.5', 199, 200, 99.5],
    ['1999 of 2000 = 99.95 → 100', 1999, 2000, 100],
    ['1 of 2000 = 0.05 → 0.1', 1, 2000, 0.1],
    ['1 of 3000 = 0.033 → 0', 1, 3000, 0],
  ])('%s', (_title, earned, possible, score) => {
    expect(scoreEvaluation([item(earned, 'pass'), item(possible - earned, 'fail')]).score).toBe(score);
  });

  it.each([
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
    ['0.1 + 0.2 of 0.6 → 50', [item(0.1, 'pass'), item(0.2, 'pass'), item(0.3, 'fail')], 50, 0.3, 0.6],
    ['2.5 + 1.25 of 60 = 6.25 → 6.3', [item(2.5, 'pass'), item(1.25, 'pass'), item(56.25, 'fail')], 6.3, 3.75, 60],
    ['1.15 of 2 = 57.5', [item(1.15, 'pass'), item(0.85, 'fail')], 57.5, 1.15, 2],
  ])('fractional points: %s', (_title, items, score, earned, possible) => {
    expect(scoreEvaluation(items)).toEqual({ score, fatal: false, earned, possible });
  });

  it('refuses negative or non-numeric points: a checklist bug must not become a score', () => {
    expect(() => scoreEvaluation([item(-1, 'pass')])).toThrow(RangeError);
    expect(() => scoreEvaluation([item(Number.NaN, 'fail')])).toThrow(RangeError);
  });
});

describe('itemEarned', () => {
  it.each([
    ['pass earns its points', item(5, 'pass'), 5],
    ['fail earns 0', item(5, 'fail'), 0],
    ['N/A earns 0 (and is out of the possible)', item(5, 'na'), 0],
  ])('%s', (_title, it_, earned) => {
    expect(itemEarned(it_)).toBe(earned);
  });
});

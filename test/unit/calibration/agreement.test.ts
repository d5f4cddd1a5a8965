import { describe, expect, it } from 'vitest';
import { countsOf, fleissKappa, majorityOf, spreadOf } from '#shared/calibration/agreement.js';

/** Wikipedia's worked example of Fleiss' kappa: 10 subjects, 14 raters each, 5 categories. */
const WIKIPEDIA = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

describe('fleissKappa', () => {
  it('gives the textbook figures of the worked example: P̄ 0.378, P̄e 0.213, κ 0.210', () => {
    const k = fleissKappa(WIKIPEDIA);
    expect(k.observed).toBeCloseTo(0.378, 3);
    expect(k.expected).toBeCloseTo(0.213, 3);
    expect(k.kappa).toBeCloseTo(0.21, 3);
    expect(k.subjects).toBe(10);
  });

  it('is 1 when every rater agrees on every subject and the categories vary', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]).kappa,
    ).toBeCloseTo(1, 10);
  });

  it('is negative when raters disagree more than chance would', () => {
    expect(
      fleissKappa([
        [1, 1],
        [1, 1],
      ]).kappa,
    ).toBeLessThan(0);
  });

  it('computed by hand for two raters over pass/fail/N-A: 4 calls, 3 agreed', () => {
    // Subjects: [pass,pass], [fail,fail], [pass,fail], [na,na]: P̄ = 3/4; shares 3/8, 3/8, 2/8: P̄e = 22/64.
    const k = fleissKappa([
      [2, 0, 0],
      [0, 2, 0],
      [1, 1, 0],
      [0, 0, 2],
    ]);
    expect(k.observed).toBeCloseTo(0.75, 10);
    expect(k.expected).toBeCloseTo(22 / 64, 10);
    expect(k.kappa).toBeCloseTo((0.75 - 22 / 64) / (1 - 22 / 64), 10);
  });

  it.each([
    ['no subjects', []],
    [
      'only subjects with one rater',
      [
        [1, 0],
        [0, 1],
      ],
    ],
    [
      'every rating in one category',
      [
        [3, 0],
        [2, 0],
      ],
    ],
  ])('is null for %s', (_title, counts) => {
    expect(fleissKappa(counts).kappa).toBeNull();
  });

  it('leaves out subjects rated by fewer than two', () => {
    expect(fleissKappa([...WIKIPEDIA, [0, 0, 1, 0, 0]]).kappa).toBeCloseTo(0.21, 3);
  });
});

describe('majorityOf, countsOf and spreadOf', () => {
  it.each([
    ['a clear majority', ['pass', 'fail', 'pass'], 'pass'],
    ['a tie', ['pass', 'fail'], null],
    ['nothing given', [null, undefined], null],
  ])('majority of %s', (_t, values, expected) => {
    expect(majorityOf(values as (string | null)[])).toBe(expected);
  });

  it('counts values by category in order', () => {
    expect(countsOf(['pass', 'na', 'pass', null], ['pass', 'fail', 'na'])).toEqual([2, 0, 1]);
  });

  it('spreads scores: min, max, mean and population sd', () => {
    expect(spreadOf([80, 90, 100])).toEqual({ n: 3, min: 80, max: 100, mean: 90, sd: Math.sqrt(200 / 3) });
    expect(spreadOf([])).toEqual({ n: 0, min: null, max: null, mean: null, sd: null });
  });
});

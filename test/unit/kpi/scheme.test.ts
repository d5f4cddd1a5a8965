import { describe, expect, it } from 'vitest';
import { intervalOfMean, notEnoughEvidence } from '#shared/kpi/grades.js';
import { kpiIntervalOf, kpiScoreOf, type KpiWeights, weightProblems } from '#shared/kpi/scheme.js';

const SCHEME: KpiWeights = {
  qaWeight: 60,
  parts: [
    { code: 'attendance', name: '出勤', weight: 20 },
    { code: 'sales', name: '销售', weight: 20 },
  ],
};

describe('kpiScoreOf', () => {
  const cases: [string, number | null, Record<string, number>, KpiWeights | null, number | null][] = [
    ['without a scheme: the QA score', 88, {}, null, 88],
    ['without a scheme and a QA score: null', null, {}, null, null],
    ['the weighted mean of the QA score and the parts', 90, { attendance: 100, sales: 75 }, SCHEME, 89],
    ['a weighted part missing: null', 90, { attendance: 100 }, SCHEME, null],
    ['the QA score missing: null', null, { attendance: 100, sales: 75 }, SCHEME, null],
    ['a part weighted 0 is not needed', 90, { attendance: 100 }, { qaWeight: 80, parts: [...SCHEME.parts.slice(0, 1), { code: 'sales', name: '', weight: 0 }] }, 92],
    ['the QA score weighted 0 is not needed', null, { attendance: 50 }, { qaWeight: 0, parts: [{ code: 'attendance', name: '', weight: 100 }] }, 50],
  ];
  it.each(cases)('%s', (_title, qa, values, scheme, expected) => {
    const got = kpiScoreOf(qa, values, scheme);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 9);
  });
});

describe('weightProblems', () => {
  const cases: [string, KpiWeights, string[]][] = [
    ['weights adding up to 100', SCHEME, []],
    ['weights adding up to 99', { ...SCHEME, qaWeight: 59 }, ['parts']],
    ['a code twice, whatever its case', { qaWeight: 60, parts: [SCHEME.parts[0], { ...SCHEME.parts[1], code: 'ATTENDANCE' }] }, ['parts[1].code']],
    ['the reserved code qa', { qaWeight: 60, parts: [{ ...SCHEME.parts[0], code: 'QA' }, SCHEME.parts[1]] }, ['parts[0].code']],
  ];
  it.each(cases)('%s', (_title, scheme, fields) => expect(weightProblems(scheme).map((p) => p.field)).toEqual(fields));
});

describe('kpiIntervalOf: the QA interval carried over to the KPI score', () => {
  it('is the QA interval without a scheme, and moves by the QA weight with one', () => {
    const qa = intervalOfMean(10, 90, 5);
    expect(kpiIntervalOf(qa, 90, null)).toBe(qa);
    const kpi = kpiIntervalOf(qa, 89, SCHEME);
    expect(kpi.mean).toBe(89);
    expect(kpi.low).toBeCloseTo(89 - 0.6 * (90 - qa.low!), 1);
    expect(kpi.high).toBeCloseTo(89 + 0.6 * (qa.high! - 90), 1);
  });

  it('decides "not enough evidence" on the KPI threshold: a QA interval straddling 90 may not straddle it once weighted', () => {
    const qa = intervalOfMean(10, 91, 3); // about 88.9–93.1: straddles B's 90 on its own
    const figures = { cph: 20, successRate: 0.7 };
    expect(notEnoughEvidence(qa, { ...figures, kpiScore: 91 })).toBe(true);
    // 0.6 × 91 + 0.2 × 100 + 0.2 × 100 = 94.6, interval about 93.3–95.9: straddles A's 95 instead.
    const kpi = kpiIntervalOf(qa, 94.6, SCHEME);
    expect(notEnoughEvidence(kpi, { ...figures, kpiScore: 94.6 })).toBe(true);
    // 0.6 × 91 + 0.2 × 90 + 0.2 × 80 = 88.6, about 87.3–89.9: wholly below 90, enough to say C.
    const low = kpiIntervalOf(qa, 88.6, SCHEME);
    expect(notEnoughEvidence(low, { ...figures, kpiScore: 88.6 })).toBe(false);
  });

  it('is exact when the QA score has no weight', () => {
    expect(kpiIntervalOf(intervalOfMean(2, 80, 10), 70, { qaWeight: 0, parts: [{ code: 'a', name: '', weight: 100 }] })).toMatchObject({ low: 70, high: 70 });
  });
});

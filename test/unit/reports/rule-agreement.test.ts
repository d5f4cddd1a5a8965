import { describe, expect, it } from 'vitest';
import { proportion, ruleAgreementFigures } from '#shared/reports/rule-agreement.js';
import { drawBlind } from '#server/sampling/picker.js';

describe('rule agreement figures', () => {
  it('take agreement, precision and recall from the blind counts and overturns from the suggested ones', () => {
    const f = ruleAgreementFigures({
      blindEvaluated: 40,
      blindAgreed: 34,
      blindMachineFailed: 10,
      blindPeopleFailed: 12,
      blindBothFailed: 8,
      suggestedEvaluated: 200,
      suggestedOverturned: 4,
    });
    expect(f.agreement).toMatchObject({ count: 34, of: 40, rate: 0.85 });
    expect(f.precision).toMatchObject({ count: 8, of: 10, rate: 0.8 });
    expect(f.recall).toMatchObject({ count: 8, of: 12, rate: 0.6667 });
    expect(f.overturned).toMatchObject({ count: 4, of: 200, rate: 0.02 });
  });

  it('gives the 95 % Wilson interval (8 of 10: 0.4902 … 0.9433) and nulls without any', () => {
    expect(proportion(8, 10)).toEqual({ count: 8, of: 10, rate: 0.8, low: 0.4902, high: 0.9433 });
    expect(proportion(0, 0)).toEqual({ count: 0, of: 0, rate: null, low: null, high: null });
  });
});

describe('drawing the blind calls of a run', () => {
  const ids = Array.from({ length: 37 }, (_, i) => `rec-${String(i).padStart(2, '0')}`);

  it.each([
    [0, 0],
    [0.1, 4],
    [0.5, 19],
  ])('blinds round(share × picks): %s of 37 → %i', (share, k) => {
    expect(drawBlind(ids, share, 42).size).toBe(k);
  });

  it('draws the same calls for the same seed whatever the order, other calls for another seed', () => {
    const once = [...drawBlind(ids, 0.3, 7)].sort();
    expect([...drawBlind([...ids].reverse(), 0.3, 7)].sort()).toEqual(once);
    expect([...drawBlind(ids, 0.3, 8)].sort()).not.toEqual(once);
    for (const id of once) expect(ids).toContain(id);
  });
});

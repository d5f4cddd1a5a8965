import { describe, expect, it } from 'vitest';
import { COACHING_CHECK_EVALUATIONS, decideEffect, type CheckedEvaluation } from '#server/coaching/effect-check.js';

let n = 0;
const ev = (verdicts: Record<string, string>): CheckedEvaluation => ({ evaluationId: `e${++n}`, recordingId: `r${n}`, callDate: '2026-11-05', verdicts });

describe('decideEffect', () => {
  it('needs K = 3 passes by default: pending after K-1, improved by the K-th', () => {
    expect(COACHING_CHECK_EVALUATIONS).toBe(3);
    const passes = [ev({ A: 'pass' }), ev({ A: 'pass' }), ev({ A: 'pass' }), ev({ A: 'fail' })];
    expect(decideEffect(['A'], passes.slice(0, 2))).toMatchObject({ outcome: 'pending', passed: 2, decidedBy: null });
    const done = decideEffect(['A'], passes);
    expect(done).toMatchObject({ outcome: 'improved', passed: 3, decidedBy: { evaluationId: passes[2].evaluationId } });
    expect(done.counted).toHaveLength(3); // the later failure is not looked at
  });

  it('reopens on the first evaluation failing one of the codes, naming the codes it failed', () => {
    const fail = ev({ A: 'pass', B: 'fail', C: 'fail' });
    const d = decideEffect(['A', 'B'], [ev({ A: 'pass', B: 'pass' }), fail, ev({ A: 'pass' })]);
    expect(d).toMatchObject({ outcome: 'reopened', passed: 1, decidedBy: { evaluationId: fail.evaluationId, failedCodes: ['B'] } });
  });

  it('skips evaluations that score none of the codes (N/A or absent), and counts one that scores some of them', () => {
    const d = decideEffect(['A', 'B'], [ev({ A: 'na', B: 'na' }), ev({}), ev({ A: 'pass', B: 'na' }), ev({ C: 'fail' })], 2);
    expect(d).toMatchObject({ outcome: 'pending', passed: 1 });
    expect(d.counted).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import type { FormState, ItemState } from '#web/features/evaluations/components/form-model';
import { hasListened, nextUnscored, playedShare, pushUndo, restoreSnapshot, snapshotOf, unscoredCodes } from '#web/features/evaluations/components/keyboard-flow';

/** The workspace's keyboard flow (issue 15): where a verdict key goes next, "pass the rest", listened, undo. */

const item = (verdict: ItemState['verdict'], extra: Partial<ItemState> = {}): ItemState => ({ verdict, comment: '', at: null, until: null, ...extra });
const form = (verdicts: Record<string, ItemState['verdict']>): FormState => ({
  items: Object.fromEntries(Object.entries(verdicts).map(([code, v]) => [code, item(v)])),
  comment: '',
});
const ORDER = ['A1', 'A2', 'B1', 'B2', 'B3'];

describe('nextUnscored', () => {
  it('goes to the next item without a verdict after the current one, skipping the scored ones', () => {
    const f = form({ A1: 'pass', A2: 'pass', B1: null, B2: 'fail', B3: null });
    expect(nextUnscored(ORDER, f, 'A1')).toBe('B1');
    expect(nextUnscored(ORDER, f, 'B1')).toBe('B3');
  });

  it('wraps round to the top when nothing below is left', () => {
    const f = form({ A1: 'pass', A2: null, B1: 'pass', B2: 'pass', B3: 'pass' });
    expect(nextUnscored(ORDER, f, 'B2')).toBe('A2');
    expect(nextUnscored(ORDER, f, 'B3')).toBe('A2');
  });

  it('starts at the top with nothing selected, and answers the item itself only when it alone is unscored', () => {
    const f = form({ A1: 'pass', A2: 'pass', B1: null, B2: 'pass', B3: 'pass' });
    expect(nextUnscored(ORDER, f, null)).toBe('B1');
    expect(nextUnscored(ORDER, f, 'B1')).toBe('B1');
  });

  it('answers null once every item is scored', () => {
    expect(nextUnscored(ORDER, form({ A1: 'pass', A2: 'na', B1: 'fail', B2: 'pass', B3: 'pass' }), 'A2')).toBeNull();
    expect(nextUnscored([], form({}), null)).toBeNull();
  });
});

describe('unscoredCodes', () => {
  it('lists the items without a verdict in the checklist’s order, and only items of the form', () => {
    const f = form({ B3: null, A1: null, A2: 'fail', B1: 'pass', B2: null });
    expect(unscoredCodes([...ORDER, 'GONE'], f)).toEqual(['A1', 'B2', 'B3']);
  });
});

describe('playedShare and hasListened', () => {
  it('counts each second once however often it was played, and what was skipped not at all', () => {
    expect(playedShare([{ start: 0, end: 30 }], 100)).toBeCloseTo(0.3);
    // 0–30 twice, then 20–50: 50 s of 100.
    expect(
      playedShare(
        [
          { start: 0, end: 30 },
          { start: 20, end: 50 },
          { start: 0, end: 30 },
        ],
        100,
      ),
    ).toBeCloseTo(0.5);
    // Sought to the end and played the last 5 s: not listened.
    expect(playedShare([{ start: 95, end: 100 }], 100)).toBeCloseTo(0.05);
    expect(playedShare([], 100)).toBe(0);
  });

  it('keeps to the call: ranges past the end, reversed or empty count for what they cover; no duration gives 0', () => {
    expect(playedShare([{ start: 50, end: 130 }], 100)).toBeCloseTo(0.5);
    expect(playedShare([{ start: 40, end: 10 }], 100)).toBeCloseTo(0.3);
    expect(playedShare([{ start: 10, end: 10 }], 100)).toBe(0);
    expect(playedShare([{ start: 0, end: 10 }], 0)).toBe(0);
    expect(playedShare([{ start: 0, end: 10 }], Number.NaN)).toBe(0);
  });

  it('calls 90 % played listened, and less not', () => {
    expect(hasListened(playedShare([{ start: 0, end: 90 }], 100))).toBe(true);
    expect(hasListened(1)).toBe(true);
    expect(hasListened(playedShare([{ start: 0, end: 89.9 }], 100))).toBe(false);
    expect(hasListened(0)).toBe(false);
  });
});

describe('undo snapshots', () => {
  it('puts back exactly the items as they were (verdict, comment and defect time), and leaves the others', () => {
    const before: FormState = {
      items: { A1: item(null), A2: item('fail', { comment: '未致歉', at: 12.3, until: 15 }), B1: item('pass') },
      comment: 'overall',
    };
    const snapshot = snapshotOf(before, ['A1', 'A2', 'MISSING']);
    expect(Object.keys(snapshot)).toEqual(['A1', 'A2']);
    const after: FormState = {
      items: { A1: item('pass'), A2: item('pass'), B1: item('fail', { comment: 'changed since' }) },
      comment: 'overall changed',
    };
    const restored = restoreSnapshot(after, snapshot);
    expect(restored.items.A1).toEqual(item(null));
    expect(restored.items.A2).toEqual(item('fail', { comment: '未致歉', at: 12.3, until: 15 }));
    expect(restored.items.B1).toBe(after.items.B1);
    expect(restored.comment).toBe('overall changed');
    // The snapshot is a copy: a later change to the form does not reach it.
    before.items.A2.comment = 'edited';
    expect(restoreSnapshot(after, snapshot).items.A2.comment).toBe('未致歉');
  });

  it('stacks snapshots newest last, skips empty ones and keeps at most the limit', () => {
    const s = (code: string) => ({ [code]: item(null) });
    let stack = pushUndo([], s('A1'));
    stack = pushUndo(stack, {});
    stack = pushUndo(stack, s('A2'));
    expect(stack.map((x) => Object.keys(x)[0])).toEqual(['A1', 'A2']);
    stack = pushUndo(stack, s('B1'), 2);
    expect(stack.map((x) => Object.keys(x)[0])).toEqual(['A2', 'B1']);
  });
});

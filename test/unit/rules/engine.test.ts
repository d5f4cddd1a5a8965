import { describe, expect, it } from 'vitest';
import { compileRules, DEFAULT_RULES, runRules, type RuleConfig } from '#shared/rules/index.js';
import { foldStutters } from '#shared/rules/phrase-matching.js';

const defaults = compileRules(DEFAULT_RULES);
const CODES = ['GREETING', 'CLOSING', 'COURTESY', 'CONFIRM', 'FORBIDDEN', 'INTERRUPT', 'SILENCE'];

describe('engine', () => {
  it('answers every default code, in checklist order', () => {
    const results = runRules(defaults, { segments: [{ speaker: 'agent', start: 0, end: 2, text: '您好' }] });
    expect(results.map((r) => r.code)).toEqual(CODES);
  });

  it('answers na for every code without a transcript', () => {
    for (const transcript of [null, undefined, { segments: [] }]) {
      expect(runRules(defaults, transcript).map((r) => [r.code, r.verdict, r.evidence.length])).toEqual(CODES.map((c) => [c, 'na', 0]));
    }
  });

  it('gives the evidence shape of the contract', () => {
    const [greeting] = runRules(defaults, { segments: [{ speaker: 'agent', start: 0.3, end: 1.9, text: '您好' }] });
    expect(greeting).toEqual({
      code: 'GREETING',
      verdict: 'pass',
      evidence: [{ segment: 0, start: 0.3, end: 1.9, text: '您好', matched: '您好', charStart: 0, charEnd: 2, how: 'exact', tolerances: ['exact'] }],
    });
  });

  it('runs one compiled rule set on many transcripts independently', () => {
    const a = runRules(defaults, { segments: [{ speaker: 'agent', start: 0, end: 2, text: '我不清楚' }] });
    const b = runRules(defaults, { segments: [{ speaker: 'agent', start: 0, end: 2, text: '好的' }] });
    expect(a.find((r) => r.code === 'FORBIDDEN')!.verdict).toBe('fail');
    expect(b.find((r) => r.code === 'FORBIDDEN')!.verdict).toBe('pass');
  });

  it('lets a rule listen to the customer', () => {
    const compiled = compileRules([{ code: 'CUSTOMER_THANKS', rule: { type: 'phrase-required', phrases: [['谢谢']], speaker: 'customer' } }]);
    const transcript = {
      segments: [
        { speaker: 'agent' as const, start: 0, end: 1, text: '谢谢' },
        { speaker: 'customer' as const, start: 1, end: 2, text: '謝謝' },
      ],
    };
    expect(runRules(compiled, transcript)[0]).toMatchObject({ verdict: 'pass', evidence: [{ segment: 1, text: '謝謝' }] });
  });

  it('shares phrases between rules without mixing their evidence', () => {
    const compiled = compileRules([
      { code: 'A', rule: { type: 'phrase-forbidden', phrases: ['不清楚'] } },
      { code: 'B', rule: { type: 'phrase-forbidden', phrases: ['不清楚', '我不清楚'] } },
    ]);
    const [a, b] = runRules(compiled, { segments: [{ speaker: 'agent', start: 0, end: 4, text: '我不清楚' }] });
    expect(a.evidence.map((e) => e.matched)).toEqual(['不清楚']);
    expect(b.evidence.map((e) => e.matched).sort()).toEqual(['不清楚', '我不清楚']);
  });

  it('ignores phrases that normalise to nothing and passes an empty required list', () => {
    const compiled = compileRules([
      { code: 'EMPTY', rule: { type: 'phrase-forbidden', phrases: ['！！', ''] } },
      { code: 'NONE', rule: { type: 'phrase-required', phrases: [] } },
    ]);
    const results = runRules(compiled, { segments: [{ speaker: 'agent', start: 0, end: 1, text: '！！' }] });
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'pass']);
  });

  it('refuses malformed rules', () => {
    expect(() => compileRules([{ code: 'X', rule: { type: 'nonsense' } as unknown as RuleConfig }])).toThrow(/unknown type/);
    expect(() => compileRules([{ code: 'X', rule: { type: 'phrase-required', phrases: ['请'] } as unknown as RuleConfig }])).toThrow(/phrases/);
  });

  it('takes the recording duration for the closing window', () => {
    const transcript = { segments: [{ speaker: 'agent' as const, start: 50, end: 52, text: '再见' }] };
    expect(runRules(defaults, transcript)[1].verdict).toBe('pass');
    expect(runRules(defaults, transcript, { duration: 100 })[1].verdict).toBe('fail');
  });

  it('points a GREETING or CLOSING failed for being said outside its window at where it was said (issue 11)', () => {
    const transcript = {
      segments: [
        { speaker: 'agent' as const, start: 0, end: 3, text: '请问有什么可以帮您' },
        { speaker: 'agent' as const, start: 20, end: 23, text: '哦，您好，我是客服' },
        { speaker: 'agent' as const, start: 30, end: 32, text: '再见' },
        { speaker: 'customer' as const, start: 33, end: 120, text: '嗯嗯好的谢谢' },
      ],
    };
    const [greeting, closing] = runRules(defaults, transcript, { duration: 120 });
    expect(greeting.verdict).toBe('fail');
    expect(greeting.evidence).toEqual([expect.objectContaining({ segment: 1, text: '您好', matched: '您好', outsideWindow: true })]);
    expect(greeting.evidence[0].start).toBeGreaterThan(15);
    expect(closing.verdict).toBe('fail');
    expect(closing.evidence).toEqual([expect.objectContaining({ segment: 2, start: 30, end: 32, text: '再见', outsideWindow: true })]);
    // Not said at all: nothing to point at.
    const [silent] = runRules(defaults, { segments: [{ speaker: 'agent', start: 0, end: 3, text: '请问有什么可以帮您' }] });
    expect(silent).toEqual({ code: 'GREETING', verdict: 'fail', evidence: [] });
    // Said in the window: a pass never carries the flag.
    const [ok] = runRules(defaults, { segments: [{ speaker: 'agent', start: 0.3, end: 1.9, text: '您好' }] });
    expect(ok.evidence[0]).not.toHaveProperty('outsideWindow');
  });
});

describe('phrases that repeat themselves', () => {
  it('folds a phrase the way the text is folded, so 等着等着听不懂 still matches itself', () => {
    expect(foldStutters('等着等着听不懂')).toBe('等着听不懂');
    expect(foldStutters('谢谢')).toBe('谢');
    expect(foldStutters('说了说了问')).toBe('说了问');
    const compiled = compileRules([{ code: 'X', rule: { type: 'phrase-forbidden', phrases: ['等着等着听不懂', '说了说了问', '系统不行不行'] } }]);
    for (const text of ['等着等着听不懂。', '说了说了问。', '系统不行不行。']) {
      expect(runRules(compiled, { segments: [{ speaker: 'agent', start: 0, end: 2, text }] })[0]).toMatchObject({ verdict: 'fail', evidence: [{ how: 'exact' }] });
    }
    // Said once, the repetition is missing: a different sentence.
    expect(runRules(compiled, { segments: [{ speaker: 'agent', start: 0, end: 2, text: '等着听不懂' }] })[0].verdict).toBe('pass');
  });
});

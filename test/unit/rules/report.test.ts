import { describe, expect, it } from 'vitest';
import { compileRules, DEFAULT_RULES } from '#shared/rules/index.js';
import { CORPUS, scoreCorpus, verdictOf } from '#scripts/rules-report.js';
import type { LabelledCase } from './labelled-cases.js';

const defaults = compileRules(DEFAULT_RULES);

describe('forbidden phrases never make an innocent call fatal', () => {
  const innocent = CORPUS.filter((c) => c.code === 'FORBIDDEN' && c.verdict === 'pass');

  it('has innocent forbidden-phrase cases to check, near-misses among them', () => {
    expect(innocent.length).toBeGreaterThanOrEqual(30);
  });

  it.each(innocent.map((c) => [c.title, c] as const))('%s stays pass', (_, c) => {
    expect(verdictOf(c, defaults)).toBe('pass');
  });
});

describe('the corpus report', () => {
  const c = (code: string, verdict: 'pass' | 'fail', title: string): LabelledCase => ({ code, verdict, title, transcript: null });

  it('counts a fail as the positive and divides per rule', () => {
    const cases = [c('A', 'fail', '1'), c('A', 'fail', '2'), c('A', 'pass', '3'), c('A', 'pass', '4'), c('B', 'pass', '5')];
    const got: Record<string, 'pass' | 'fail'> = { 1: 'fail', 2: 'pass', 3: 'fail', 4: 'pass', 5: 'pass' };
    const report = scoreCorpus(cases, (x) => got[x.title]);
    expect(report.rules).toEqual([
      { code: 'A', cases: 4, truePositives: 1, falsePositives: 1, falseNegatives: 1, trueNegatives: 1, otherMismatches: 0, precision: 0.5, recall: 0.5 },
      { code: 'B', cases: 1, truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 1, otherMismatches: 0, precision: null, recall: null },
    ]);
    expect(report.innocentMadeFatal).toEqual([]);
  });

  it('names a forbidden-phrase case labelled pass that came out fail', () => {
    const report = scoreCorpus([c('FORBIDDEN', 'pass', '您不清楚的地方')], () => 'fail');
    expect(report.innocentMadeFatal).toEqual(['您不清楚的地方']);
  });

  it('finds every rule of the corpus at full precision and recall', () => {
    const report = scoreCorpus(CORPUS, (x) => verdictOf(x, defaults));
    for (const rule of report.rules) {
      expect(rule.falsePositives + rule.falseNegatives + rule.otherMismatches, rule.code).toBe(0);
    }
  });
});

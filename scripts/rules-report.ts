/**
 * `npm run rules:report`: per-rule precision and recall of the automatic checks over the labelled
 * corpus (test/unit/rules: the original cases and issue 17's speech-recognition cases), run against
 * DEFAULT_RULES or the case's own rule. A "positive" is a fail: the defect the rule exists to find.
 * Exits 1 when a forbidden-phrase case labelled pass comes out fail (an innocent call made fatal).
 */
import { pathToFileURL } from 'node:url';
import { compileRules, DEFAULT_RULES, runRules, type CompiledRules } from '#shared/rules/index.js';
import type { Verdict } from '#shared/rules/types.js';
import { LABELLED_CASES, type LabelledCase } from '../test/unit/rules/labelled-cases.js';
import { TOLERANCE_CASES } from '../test/unit/rules/tolerance-cases.js';

export interface RuleScore {
  code: string;
  cases: number;
  /** Fails found that were labelled fail / fails found labelled pass / labelled fails not found. */
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** Other mismatches (an `na` where a verdict was due, or the reverse). */
  otherMismatches: number;
  /** null when there is nothing to divide by. */
  precision: number | null;
  recall: number | null;
}

export interface CorpusReport {
  cases: number;
  rules: RuleScore[];
  /** Forbidden-phrase cases labelled pass that came out fail: must be none. */
  innocentMadeFatal: string[];
}

/** The verdict the engine gives a case. */
export function verdictOf(c: LabelledCase, defaults: CompiledRules = compileRules(DEFAULT_RULES)): Verdict | undefined {
  const compiled = c.rule ? compileRules([{ code: c.code, rule: c.rule }]) : defaults;
  return runRules(compiled, c.transcript, { duration: c.duration }).find((r) => r.code === c.code)?.verdict;
}

export function scoreCorpus(cases: readonly LabelledCase[], verdict: (c: LabelledCase) => Verdict | undefined): CorpusReport {
  const byCode = new Map<string, RuleScore>();
  const innocentMadeFatal: string[] = [];
  for (const c of cases) {
    let score = byCode.get(c.code);
    if (!score) {
      score = { code: c.code, cases: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0, otherMismatches: 0, precision: null, recall: null };
      byCode.set(c.code, score);
    }
    score.cases++;
    const got = verdict(c);
    if (c.verdict === 'fail' && got === 'fail') score.truePositives++;
    else if (c.verdict === 'pass' && got === 'fail') score.falsePositives++;
    else if (c.verdict === 'fail' && got === 'pass') score.falseNegatives++;
    else if (c.verdict === got) score.trueNegatives++;
    else score.otherMismatches++;
    if (c.code === 'FORBIDDEN' && c.verdict === 'pass' && got === 'fail') innocentMadeFatal.push(c.title);
  }
  const rules = [...byCode.values()].map((s) => ({
    ...s,
    precision: s.truePositives + s.falsePositives > 0 ? s.truePositives / (s.truePositives + s.falsePositives) : null,
    recall: s.truePositives + s.falseNegatives > 0 ? s.truePositives / (s.truePositives + s.falseNegatives) : null,
  }));
  return { cases: cases.length, rules, innocentMadeFatal };
}

export const CORPUS: readonly LabelledCase[] = [...LABELLED_CASES, ...TOLERANCE_CASES];

function main(): void {
  const defaults = compileRules(DEFAULT_RULES);
  const report = scoreCorpus(CORPUS, (c) => verdictOf(c, defaults));
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
  console.log(`${report.cases} labelled cases (${TOLERANCE_CASES.length} of them speech-recognition noise, issue 17); positive = fail`);
  console.log(['rule', 'cases', 'TP', 'FP', 'FN', 'TN (pass or na)', 'other', 'precision', 'recall'].join('\t'));
  for (const s of report.rules) {
    console.log([s.code, s.cases, s.truePositives, s.falsePositives, s.falseNegatives, s.trueNegatives, s.otherMismatches, pct(s.precision), pct(s.recall)].join('\t'));
  }
  if (report.innocentMadeFatal.length > 0) {
    console.error(`forbidden-phrase cases labelled pass that came out fail: ${report.innocentMadeFatal.join('; ')}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

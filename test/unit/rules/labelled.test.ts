import { describe, expect, it } from 'vitest';
import { compileRules, DEFAULT_RULES, normalise, runRules, type CompiledRules } from '#shared/rules/index.js';
import { LABELLED_CASES, type LabelledCase } from './labelled-cases.js';
import { TOLERANCE_CASES } from './tolerance-cases.js';

const defaults = compileRules(DEFAULT_RULES);

function compiledFor(c: LabelledCase): CompiledRules {
  return c.rule ? compileRules([{ code: c.code, rule: c.rule }]) : defaults;
}

describe('labelled cases', () => {
  it('has at least 150 of them, with unique titles', () => {
    expect(LABELLED_CASES.length).toBeGreaterThanOrEqual(150);
    const titles = LABELLED_CASES.map((c) => `${c.code} ${c.title}`);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(LABELLED_CASES.map((c) => [`${c.code}: ${c.title}`, c] as const))('%s', (_, c) => check(c));
});

describe('labelled cases of speech-recognition noise (issue 17)', () => {
  it('has at least 100 of them, half near-misses, with unique titles', () => {
    expect(TOLERANCE_CASES.length).toBeGreaterThanOrEqual(100);
    expect(TOLERANCE_CASES.filter((c) => c.kind === 'near-miss').length * 2).toBeGreaterThanOrEqual(TOLERANCE_CASES.length);
    const titles = [...LABELLED_CASES, ...TOLERANCE_CASES].map((c) => `${c.code} ${c.title}`);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it.each(TOLERANCE_CASES.map((c) => [`${c.code} (${c.kind}): ${c.title}`, c] as const))('%s', (_, c) => check(c));
});

function check(c: LabelledCase): void {
  {
    const results = runRules(compiledFor(c), c.transcript, { duration: c.duration });
    const result = results.find((r) => r.code === c.code);
    expect(result, `no result for ${c.code}`).toBeDefined();
    expect(result!.verdict).toBe(c.verdict);
    if (c.evidence) {
      expect(result!.evidence).toHaveLength(c.evidence.length);
      c.evidence.forEach((expected, i) => expect(result!.evidence[i]).toMatchObject(expected));
    }
    // Whatever the case: evidence points at real segments, phrase evidence at the original characters.
    const segments = c.transcript?.segments ?? [];
    for (const e of result!.evidence) {
      const segment = segments[e.segment];
      expect(segment).toBeDefined();
      expect(e.start).toBeLessThanOrEqual(e.end);
      if (e.charStart !== undefined) {
        // Each segment's share is its original characters; together they are the evidence's text.
        const parts = e.parts ?? [{ segment: e.segment, charStart: e.charStart, charEnd: e.charEnd! }];
        expect(parts[0]).toEqual({ segment: e.segment, charStart: e.charStart, charEnd: e.charEnd });
        expect(parts.map((p) => segments[p.segment].text.slice(p.charStart, p.charEnd)).join('')).toBe(e.text);
        expect(e.start).toBeGreaterThanOrEqual(segment.start - 1e-3);
        expect(e.end).toBeLessThanOrEqual(segments[parts[parts.length - 1].segment].end + 1e-3);
        for (const p of parts) expect(segments[p.segment].speaker).toBe((c.rule as { speaker?: string } | undefined)?.speaker ?? 'agent');
        expect(e.tolerances?.[0]).toBe(e.how);
        // Only a tolerance that adds or drops characters changes the length of what was said.
        const changesLength = e.tolerances!.some((h) => ['stutter', 'filler-skipped', 'one-missing', 'one-extra', 'fuzzy'].includes(h));
        if (!changesLength) expect(normalise(e.text).text.length).toBe(normalise(e.matched).text.length);
      }
    }
  }
}

import type { ChecklistItem, ChecklistSection } from '#shared/checklists/types';
import type { Evidence, PhraseWindow, RuleResult } from '#shared/rules/types';
import { scoreEvaluation } from '#shared/scoring/score';
import type { Evaluation, EvaluationItem, Verdict } from '../api/types';

/** What the inspector edits on one item. */
export interface ItemState {
  verdict: Verdict | null;
  comment: string;
  /** Seconds: the defect's moment (and end) in the call. */
  at: number | null;
  until: number | null;
}

export interface FormState {
  items: Record<string, ItemState>;
  comment: string;
}

export const initialForm = (evaluation: Evaluation): FormState => ({
  items: Object.fromEntries(evaluation.items.map((i) => [i.code, { verdict: i.verdict, comment: i.comment ?? '', at: i.at, until: i.until }])),
  comment: evaluation.comment ?? '',
});

/** An item of the evaluation with the checklist's guidance and N/A rule. */
export interface FormItem extends EvaluationItem {
  guidance?: string;
  /** How to score it where inspectors disagreed: a calibration session's outcome (issue 15). */
  scoringNote?: string;
  allowNa: boolean;
  section: string;
  /** A required phrase's window (the first or last seconds of the call), when its rule has one. */
  window?: PhraseWindow;
}

/** The evaluation's items in the checklist's order, grouped by section (items the checklist lacks go last). */
export function formSections(evaluation: Evaluation, sections: readonly ChecklistSection[] | undefined): { title: string; items: FormItem[] }[] {
  const byCode = new Map(evaluation.items.map((i) => [i.code, i]));
  const used = new Set<string>();
  const merge = (def: ChecklistItem, section: string): FormItem[] => {
    const item = byCode.get(def.code);
    if (!item) return [];
    used.add(def.code);
    const window = def.rule?.type === 'phrase-required' ? def.rule.window : undefined;
    return [{ ...item, guidance: def.guidance, scoringNote: def.scoringNote, allowNa: def.allowNa, section, ...(window ? { window } : {}) }];
  };
  const grouped = (sections ?? []).map((s) => ({ title: s.title, items: s.items.flatMap((def) => merge(def, s.title)) })).filter((s) => s.items.length);
  const rest = evaluation.items.filter((i) => !used.has(i.code)).map((i) => ({ ...i, allowNa: true, section: '' }));
  return rest.length ? [...grouped, { title: '', items: rest }] : grouped;
}

export interface LiveScore {
  /** The score of the items scored so far (100 when none are). */
  score: number;
  fatal: boolean;
  earned: number;
  possible: number;
  scored: number;
  total: number;
}

/** The score as the server will compute it (the shared rule), counting only the items scored so far. */
export function liveScore(items: readonly EvaluationItem[], form: FormState): LiveScore {
  const scored = items.flatMap((i) => {
    const verdict = form.items[i.code]?.verdict;
    return verdict ? [{ points: i.points, critical: i.critical, verdict }] : [];
  });
  return { ...scoreEvaluation(scored), scored: scored.length, total: items.length };
}

export const missingCodes = (items: readonly EvaluationItem[], form: FormState): string[] => items.filter((i) => !form.items[i.code]?.verdict).map((i) => i.code);

/** A failed item marked at a moment of the call. */
export interface Defect {
  code: string;
  title: string;
  at: number;
  until: number | null;
  comment: string;
}

export function defectsOf(items: readonly EvaluationItem[], form: FormState): Defect[] {
  return items
    .flatMap((i) => {
      const s = form.items[i.code];
      return s?.verdict === 'fail' && s.at !== null ? [{ code: i.code, title: i.title, at: s.at, until: s.until, comment: s.comment }] : [];
    })
    .sort((a, b) => a.at - b.at);
}

/** The machine's result and its first piece of evidence, by item code. */
export function autoResultsByCode(results: readonly RuleResult[] | undefined): Map<string, { verdict: Verdict; evidence: Evidence | undefined }> {
  return new Map((results ?? []).map((r) => [r.code, { verdict: r.verdict, evidence: r.evidence[0] }]));
}

/** Rounds to tenths of a second: what a time field and the server keep. */
export const tenths = (seconds: number) => Math.round(seconds * 10) / 10;

import type { TFunction } from 'i18next';
import type { ChecklistProblem } from '#shared/checklists/validate';
import { ApiError } from '#web/lib/api-client';
import { problemText as serverProblemText } from '#web/lib/errors';

/** validateChecklist's problem (the server sends the very same codes) in the user's language. */
export const problemText = (problem: ChecklistProblem, t: TFunction): string => t(`checklists.problems.${problem.code}`, problem.params ?? {});

/** Field path (`sections[0].items[4].rule.phrases`) → what is wrong there, first problem wins. */
export type ProblemMap = ReadonlyMap<string, string>;

export function problemMap(problems: readonly ChecklistProblem[], t: TFunction): ProblemMap {
  const map = new Map<string, string>();
  for (const p of problems) if (!map.has(p.field)) map.set(p.field, problemText(p, t));
  return map;
}

/** The server's refusal by field: a CHECKLIST_INVALID's problems, or a field the request itself got wrong (the note). */
export function serverProblemMap(error: unknown, t: TFunction): ProblemMap {
  const map = new Map<string, string>();
  if (!(error instanceof ApiError)) return map;
  const scope = error.code === 'CHECKLIST_INVALID' ? 'checklists.problems' : 'errors.detail';
  for (const e of error.errors) if (e.field && !map.has(e.field)) map.set(e.field, serverProblemText(e, t, scope));
  return map;
}

/** Whether anything at or under a path is wrong (an item's header shows a mark when its fields are). */
export const hasProblemUnder = (problems: ProblemMap, path: string): boolean =>
  [...problems.keys()].some((field) => field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`));

/** A field's path in words for the summary list: 「A 服务态度 › FORBIDDEN › 忌语」. */
export const FIELD_LABELS = {
  title: 'checklists.fields.title',
  items: 'checklists.fields.items',
  code: 'checklists.fields.code',
  guidance: 'checklists.fields.guidance',
  scoringNote: 'checklists.fields.scoringNote',
  points: 'checklists.fields.points',
  critical: 'checklists.fields.critical',
  allowNa: 'checklists.fields.allowNa',
  knowledge: 'checklists.fields.knowledge',
  rule: 'checklists.fields.rule',
  type: 'checklists.fields.ruleType',
  phrases: 'checklists.fields.phrases',
  window: 'checklists.fields.window',
  speaker: 'checklists.fields.speaker',
  homophones: 'checklists.fields.homophones',
  homophoneMinChars: 'checklists.fields.homophoneMinChars',
  minOverlapSeconds: 'checklists.fields.minOverlapSeconds',
  maxGapSeconds: 'checklists.fields.maxGapSeconds',
} as const;

interface Named {
  title: string;
  items: readonly { code: string }[];
}

/** 「A 服务态度 › FORBIDDEN › 忌语」 for `sections[0].items[4].rule.phrases`. */
export function describeField(field: string, sections: readonly Named[], t: TFunction): string {
  const m = /^sections(?:\[(\d+)\])?(?:\.items(?:\[(\d+)\])?)?(?:\.([A-Za-z]+))?/.exec(field);
  if (!m || m[1] === undefined) return t('checklists.fields.checklist');
  const s = Number(m[1]);
  const section = sections[s];
  const parts = [section?.title.trim() || t('checklists.editor.sectionN', { n: s + 1 })];
  if (m[2] !== undefined) {
    const i = Number(m[2]);
    parts.push(section?.items[i]?.code || t('checklists.editor.itemN', { n: i + 1 }));
    if (m[3] && m[3] !== 'rule') parts.push(labelOf(m[3], t));
    else if (m[3] === 'rule') {
      const sub = /\.rule\.([A-Za-z]+)/.exec(field)?.[1];
      parts.push(sub ? labelOf(sub, t) : t(FIELD_LABELS.rule));
    }
  } else if (field.includes('.items')) parts.push(t(FIELD_LABELS.items));
  else if (m[3] === 'title') parts.push(t('checklists.fields.sectionTitle'));
  else if (m[3]) parts.push(labelOf(m[3], t));
  return parts.join(' › ');
}

const labelOf = (name: string, t: TFunction) => (name in FIELD_LABELS ? t(FIELD_LABELS[name as keyof typeof FIELD_LABELS]) : name);

import type { TFunction } from 'i18next';
import type { ChecklistProblem } from '../../../../../shared/src/checklists/validate';

/**
 * validateChecklist's messages (the server sends the very same ones) in the user's language. A
 * message not listed here is shown as the server wrote it.
 */
const KNOWN = {
  'must be a non-empty list of sections': 'sectionsEmpty',
  'must be an object': 'object',
  'must not be empty': 'empty',
  'must list at least one item': 'noItems',
  'must be 1–32 capital letters, digits or _, starting with a letter': 'code',
  'must be text': 'text',
  'must be a number from 0 to 100': 'points',
  'must be true or false': 'boolean',
  'is not a checklist item field': 'unknownField',
  'at least one item must carry points': 'noPoints',
  'must be agent or customer': 'speaker',
  'must be a positive number': 'positive',
  'must be a non-empty list of groups, each a non-empty list of phrases': 'groups',
  'must be {from: start|end, seconds > 0}': 'window',
  'must be a non-empty list of phrases': 'phrases',
  'must be a positive number of seconds': 'seconds',
  'must be phrase-required, phrase-forbidden, interrupt or silence': 'ruleType',
} as const;

const USED_TWICE = /^(.+) is used twice$/;

export function problemText(message: string, t: TFunction): string {
  const key = KNOWN[message as keyof typeof KNOWN];
  if (key) return t(`checklists.problems.${key}`);
  const twice = USED_TWICE.exec(message);
  if (twice) return t('checklists.problems.usedTwice', { code: twice[1] });
  return message;
}

/** Field path (`sections[0].items[4].rule.phrases`) → what is wrong there, first problem wins. */
export type ProblemMap = ReadonlyMap<string, string>;

export function problemMap(problems: readonly ChecklistProblem[], t: TFunction): ProblemMap {
  const map = new Map<string, string>();
  for (const p of problems) if (!map.has(p.field)) map.set(p.field, problemText(p.message, t));
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
  points: 'checklists.fields.points',
  critical: 'checklists.fields.critical',
  allowNa: 'checklists.fields.allowNa',
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

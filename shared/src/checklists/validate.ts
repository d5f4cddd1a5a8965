import type { ChecklistSection } from './types.js';

/**
 * What can be wrong in a checklist draft, as codes the editor translates and the server sends in
 * its 400's `errors[]`; `params` carries the limits and the offending code.
 */
export const CHECKLIST_PROBLEM_CODES = [
  'sectionsEmpty',
  'notObject',
  'empty',
  'noItems',
  'codeFormat',
  'codeUsedTwice',
  'notText',
  'pointsRange',
  'notBoolean',
  'unknownField',
  'noPoints',
  'speaker',
  'positive',
  'phraseGroups',
  'window',
  'phrases',
  'seconds',
  'ruleType',
  'fillerWords',
  'notForForbidden',
] as const;

export type ChecklistProblemCode = (typeof CHECKLIST_PROBLEM_CODES)[number];

export interface ChecklistProblem {
  /** The path of the bad value: `sections[0].items[4].rule.phrases`. */
  field: string;
  code: ChecklistProblemCode;
  params?: Record<string, string | number>;
}

export const CODE_MAX_LENGTH = 32;
export const PHRASE_MAX_LENGTH = 100;
export const POINTS_MAX = 100;
export const FILLER_WORDS_MAX = 20;
export const FILLER_WORD_MAX_LENGTH = 4;
/** Longest gap a phrase may run over between two segments. */
export const ACROSS_SEGMENTS_MAX_GAP_SECONDS = 10;
export const RULE_TYPES = ['phrase-required', 'phrase-forbidden', 'interrupt', 'silence'] as const;

const CODE = new RegExp(`^[A-Z][A-Z0-9_]{0,${CODE_MAX_LENGTH - 1}}$`);
const isPositive = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0;
const isPhrase = (p: unknown) => typeof p === 'string' && p.trim().length > 0 && p.length <= PHRASE_MAX_LENGTH;
const ITEM_FIELDS = ['code', 'title', 'guidance', 'scoringNote', 'points', 'critical', 'allowNa', 'knowledge', 'rule'];

type Add = (field: string, code: ChecklistProblemCode, params?: Record<string, string | number>) => void;

/** Checks a checklist draft the same way in the editor and on the server; every problem names its field. */
export function validateChecklist(sections: unknown): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  const add: Add = (field, code, params) => problems.push(params ? { field, code, params } : { field, code });
  if (!Array.isArray(sections) || sections.length === 0) return [{ field: 'sections', code: 'sectionsEmpty' }];
  const codes = new Set<string>();
  (sections as ChecklistSection[]).forEach((section, s) => {
    const at = `sections[${s}]`;
    if (typeof section !== 'object' || section === null) return add(at, 'notObject');
    if (typeof section.title !== 'string' || !section.title.trim()) add(`${at}.title`, 'empty');
    if (!Array.isArray(section.items) || section.items.length === 0) return add(`${at}.items`, 'noItems');
    section.items.forEach((item, i) => {
      const f = `${at}.items[${i}]`;
      if (typeof item !== 'object' || item === null) return add(f, 'notObject');
      if (typeof item.code !== 'string' || !CODE.test(item.code)) add(`${f}.code`, 'codeFormat', { max: CODE_MAX_LENGTH });
      else if (codes.has(item.code)) add(`${f}.code`, 'codeUsedTwice', { code: item.code });
      else codes.add(item.code);
      if (typeof item.title !== 'string' || !item.title.trim()) add(`${f}.title`, 'empty');
      if (item.guidance !== undefined && typeof item.guidance !== 'string') add(`${f}.guidance`, 'notText');
      if (item.scoringNote !== undefined && typeof item.scoringNote !== 'string') add(`${f}.scoringNote`, 'notText');
      if (typeof item.points !== 'number' || !Number.isFinite(item.points) || item.points < 0 || item.points > POINTS_MAX)
        add(`${f}.points`, 'pointsRange', { min: 0, max: POINTS_MAX });
      if (typeof item.critical !== 'boolean') add(`${f}.critical`, 'notBoolean');
      if (typeof item.allowNa !== 'boolean') add(`${f}.allowNa`, 'notBoolean');
      if (item.knowledge !== undefined && typeof item.knowledge !== 'boolean') add(`${f}.knowledge`, 'notBoolean');
      if (item.rule !== undefined) validateRule(item.rule, `${f}.rule`, add);
      const extra = Object.keys(item).filter((k) => !ITEM_FIELDS.includes(k));
      if (extra.length) add(`${f}.${extra[0]}`, 'unknownField', { name: extra[0] });
    });
  });
  if (!problems.length && !(sections as ChecklistSection[]).some((s) => s.items.some((i) => i.points > 0))) {
    add('sections', 'noPoints');
  }
  return problems;
}

function validateRule(rule: unknown, f: string, add: Add): void {
  if (typeof rule !== 'object' || rule === null) return add(f, 'notObject');
  const r = rule as Record<string, unknown>;
  if (r.speaker !== undefined && r.speaker !== 'agent' && r.speaker !== 'customer') add(`${f}.speaker`, 'speaker');
  if (r.homophones !== undefined && typeof r.homophones !== 'boolean') add(`${f}.homophones`, 'notBoolean');
  if (r.homophoneMinChars !== undefined && !isPositive(r.homophoneMinChars)) add(`${f}.homophoneMinChars`, 'positive');
  if (r.type === 'phrase-required' || r.type === 'phrase-forbidden') validateTolerances(r, f, add);
  switch (r.type) {
    case 'phrase-required': {
      const groups = r.phrases;
      if (!Array.isArray(groups) || groups.length === 0 || !groups.every((g) => Array.isArray(g) && g.length > 0 && g.every(isPhrase))) {
        add(`${f}.phrases`, 'phraseGroups', { maxLength: PHRASE_MAX_LENGTH });
      }
      if (r.window !== undefined) {
        const w = r.window as Record<string, unknown>;
        if (typeof w !== 'object' || w === null || (w.from !== 'start' && w.from !== 'end') || !isPositive(w.seconds)) add(`${f}.window`, 'window');
      }
      return;
    }
    case 'phrase-forbidden':
      if (!Array.isArray(r.phrases) || r.phrases.length === 0 || !r.phrases.every(isPhrase)) add(`${f}.phrases`, 'phrases', { maxLength: PHRASE_MAX_LENGTH });
      return;
    case 'interrupt':
      if (r.minOverlapSeconds !== undefined && !isPositive(r.minOverlapSeconds)) add(`${f}.minOverlapSeconds`, 'seconds');
      return;
    case 'silence':
      if (r.maxGapSeconds !== undefined && !isPositive(r.maxGapSeconds)) add(`${f}.maxGapSeconds`, 'seconds');
      return;
    default:
      add(`${f}.type`, 'ruleType', { types: RULE_TYPES.join(', ') });
  }
}

/** The tolerance switches of a phrase rule (issue 17). */
function validateTolerances(r: Record<string, unknown>, f: string, add: Add): void {
  for (const name of ['fillers', 'stutters', 'acrossSegments', 'fuzzy']) {
    if (r[name] !== undefined && typeof r[name] !== 'boolean') add(`${f}.${name}`, 'notBoolean');
  }
  // A forbidden phrase with a character missing or substituted is another, innocent sentence.
  if (r.type === 'phrase-forbidden' && r.fuzzy === true) add(`${f}.fuzzy`, 'notForForbidden');
  const words = r.fillerWords;
  if (
    words !== undefined &&
    !(Array.isArray(words) && words.length <= FILLER_WORDS_MAX && words.every((w) => typeof w === 'string' && w.trim().length > 0 && w.length <= FILLER_WORD_MAX_LENGTH))
  ) {
    add(`${f}.fillerWords`, 'fillerWords', { max: FILLER_WORDS_MAX, maxLength: FILLER_WORD_MAX_LENGTH });
  }
  const gap = r.acrossSegmentsMaxGapSeconds;
  if (gap !== undefined && !(isPositive(gap) && (gap as number) <= ACROSS_SEGMENTS_MAX_GAP_SECONDS)) {
    add(`${f}.acrossSegmentsMaxGapSeconds`, 'seconds');
  }
}

/** The problem in English, for the server's `message` (scripts and logs read it; people get it translated). */
export function checklistProblemMessage(p: ChecklistProblem): string {
  const q = p.params ?? {};
  switch (p.code) {
    case 'sectionsEmpty':
      return 'must be a non-empty list of sections';
    case 'notObject':
      return 'must be an object';
    case 'empty':
      return 'must not be empty';
    case 'noItems':
      return 'must list at least one item';
    case 'codeFormat':
      return `must be 1–${q.max} capital letters, digits or _, starting with a letter`;
    case 'codeUsedTwice':
      return `${q.code} is used twice`;
    case 'notText':
      return 'must be text';
    case 'pointsRange':
      return `must be a number from ${q.min} to ${q.max}`;
    case 'notBoolean':
      return 'must be true or false';
    case 'unknownField':
      return 'is not a checklist item field';
    case 'noPoints':
      return 'at least one item must carry points';
    case 'speaker':
      return 'must be agent or customer';
    case 'positive':
      return 'must be a positive number';
    case 'phraseGroups':
      return `must be a non-empty list of groups, each a non-empty list of phrases of at most ${q.maxLength} characters`;
    case 'window':
      return 'must be {from: start|end, seconds > 0}';
    case 'phrases':
      return `must be a non-empty list of phrases of at most ${q.maxLength} characters`;
    case 'seconds':
      return 'must be a positive number of seconds';
    case 'ruleType':
      return `must be ${q.types}`;
    case 'fillerWords':
      return `must be a list of at most ${q.max} filler words of at most ${q.maxLength} characters`;
    case 'notForForbidden':
      return 'is not allowed on forbidden phrases';
  }
}

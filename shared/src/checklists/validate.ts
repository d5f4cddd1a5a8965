import type { ChecklistSection } from './types.js';

export interface ChecklistProblem {
  field: string;
  message: string;
}

const CODE = /^[A-Z][A-Z0-9_]{0,31}$/;
const isPositive = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0;
const isPhrase = (p: unknown) => typeof p === 'string' && p.trim().length > 0 && p.length <= 100;

/** Checks a checklist draft the same way in the editor and on the server; every problem names its field. */
export function validateChecklist(sections: unknown): ChecklistProblem[] {
  const problems: ChecklistProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!Array.isArray(sections) || sections.length === 0) return [{ field: 'sections', message: 'must be a non-empty list of sections' }];
  const codes = new Set<string>();
  (sections as ChecklistSection[]).forEach((section, s) => {
    const at = `sections[${s}]`;
    if (typeof section !== 'object' || section === null) return add(at, 'must be an object');
    if (typeof section.title !== 'string' || !section.title.trim()) add(`${at}.title`, 'must not be empty');
    if (!Array.isArray(section.items) || section.items.length === 0) return add(`${at}.items`, 'must list at least one item');
    section.items.forEach((item, i) => {
      const f = `${at}.items[${i}]`;
      if (typeof item !== 'object' || item === null) return add(f, 'must be an object');
      if (typeof item.code !== 'string' || !CODE.test(item.code)) add(`${f}.code`, 'must be 1–32 capital letters, digits or _, starting with a letter');
      else if (codes.has(item.code)) add(`${f}.code`, `${item.code} is used twice`);
      else codes.add(item.code);
      if (typeof item.title !== 'string' || !item.title.trim()) add(`${f}.title`, 'must not be empty');
      if (item.guidance !== undefined && typeof item.guidance !== 'string') add(`${f}.guidance`, 'must be text');
      if (typeof item.points !== 'number' || !Number.isFinite(item.points) || item.points < 0 || item.points > 100) add(`${f}.points`, 'must be a number from 0 to 100');
      if (typeof item.critical !== 'boolean') add(`${f}.critical`, 'must be true or false');
      if (typeof item.allowNa !== 'boolean') add(`${f}.allowNa`, 'must be true or false');
      if (item.rule !== undefined) validateRule(item.rule, `${f}.rule`, add);
      const extra = Object.keys(item).filter((k) => !['code', 'title', 'guidance', 'points', 'critical', 'allowNa', 'rule'].includes(k));
      if (extra.length) add(`${f}.${extra[0]}`, 'is not a checklist item field');
    });
  });
  if (!problems.length && !(sections as ChecklistSection[]).some((s) => s.items.some((i) => i.points > 0))) {
    add('sections', 'at least one item must carry points');
  }
  return problems;
}

function validateRule(rule: unknown, f: string, add: (field: string, message: string) => void): void {
  if (typeof rule !== 'object' || rule === null) return add(f, 'must be an object');
  const r = rule as Record<string, unknown>;
  if (r.speaker !== undefined && r.speaker !== 'agent' && r.speaker !== 'customer') add(`${f}.speaker`, 'must be agent or customer');
  if (r.homophones !== undefined && typeof r.homophones !== 'boolean') add(`${f}.homophones`, 'must be true or false');
  if (r.homophoneMinChars !== undefined && !isPositive(r.homophoneMinChars)) add(`${f}.homophoneMinChars`, 'must be a positive number');
  switch (r.type) {
    case 'phrase-required': {
      const groups = r.phrases;
      if (!Array.isArray(groups) || groups.length === 0 || !groups.every((g) => Array.isArray(g) && g.length > 0 && g.every(isPhrase))) {
        add(`${f}.phrases`, 'must be a non-empty list of groups, each a non-empty list of phrases');
      }
      if (r.window !== undefined) {
        const w = r.window as Record<string, unknown>;
        if (typeof w !== 'object' || w === null || (w.from !== 'start' && w.from !== 'end') || !isPositive(w.seconds)) {
          add(`${f}.window`, 'must be {from: start|end, seconds > 0}');
        }
      }
      return;
    }
    case 'phrase-forbidden':
      if (!Array.isArray(r.phrases) || r.phrases.length === 0 || !r.phrases.every(isPhrase)) add(`${f}.phrases`, 'must be a non-empty list of phrases');
      return;
    case 'interrupt':
      if (r.minOverlapSeconds !== undefined && !isPositive(r.minOverlapSeconds)) add(`${f}.minOverlapSeconds`, 'must be a positive number of seconds');
      return;
    case 'silence':
      if (r.maxGapSeconds !== undefined && !isPositive(r.maxGapSeconds)) add(`${f}.maxGapSeconds`, 'must be a positive number of seconds');
      return;
    default:
      add(`${f}.type`, 'must be phrase-required, phrase-forbidden, interrupt or silence');
  }
}

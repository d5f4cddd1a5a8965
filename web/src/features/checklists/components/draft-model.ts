import type { ChecklistItem, ChecklistSection } from '#shared/checklists/types';
import type { RuleConfig } from '#shared/rules/types';

/**
 * The editor's copy of a draft: the server's sections with a stable key on each section and item,
 * so that React keeps each row's inputs while rows move. Keys never reach the server.
 */
export interface DraftItem extends ChecklistItem {
  key: string;
}

export interface DraftSection {
  key: string;
  title: string;
  items: DraftItem[];
}

let counter = 0;
const nextKey = () => `k${++counter}`;

export const toDraft = (sections: readonly ChecklistSection[]): DraftSection[] =>
  sections.map((section) => ({
    key: nextKey(),
    title: section.title,
    items: section.items.map((item) => ({ ...structuredClone(item), key: nextKey() })),
  }));

/** What PUT /api/checklists/:id takes: no keys, and an empty guidance or scoring note left out. */
export const fromDraft = (sections: readonly DraftSection[]): ChecklistSection[] =>
  sections.map((section) => ({
    title: section.title,
    items: section.items.map(({ key: _key, guidance, scoringNote, ...item }) => ({
      ...item,
      ...(guidance?.trim() ? { guidance } : {}),
      ...(scoringNote?.trim() ? { scoringNote } : {}),
    })),
  }));

/** A code not used yet: NEW_1, NEW_2… (validateChecklist insists codes are unique). */
export function freshCode(sections: readonly DraftSection[]): string {
  const used = new Set(sections.flatMap((s) => s.items.map((i) => i.code)));
  let n = 1;
  while (used.has(`NEW_${n}`)) n++;
  return `NEW_${n}`;
}

export const newItem = (sections: readonly DraftSection[]): DraftItem => ({
  key: nextKey(),
  code: freshCode(sections),
  title: '',
  points: 5,
  critical: false,
  allowNa: false,
});

export const newSection = (sections: readonly DraftSection[]): DraftSection => ({ key: nextKey(), title: '', items: [newItem(sections)] });

export type RuleType = RuleConfig['type'];
export const RULE_TYPES: readonly RuleType[] = ['phrase-required', 'phrase-forbidden', 'interrupt', 'silence'];

/** A fresh rule of a type, with the default thresholds of DOMAIN.md. */
export function newRule(type: RuleType): RuleConfig {
  switch (type) {
    case 'phrase-required':
      return { type, phrases: [[]], speaker: 'agent' };
    case 'phrase-forbidden':
      return { type, phrases: [], speaker: 'agent' };
    case 'interrupt':
      return { type, minOverlapSeconds: 1 };
    case 'silence':
      return { type, maxGapSeconds: 10 };
  }
}

/** Moves the element at `from` by `by` places (−1 up, +1 down); out of range leaves the list as it is. */
export function move<T>(list: readonly T[], from: number, by: number): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

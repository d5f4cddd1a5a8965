import type { ChecklistSummary, ChecklistVersion } from '#shared/api/checklists.js';
import type { ChecklistVersionEntity } from './checklist-version.entity.js';

export const toChecklistVersion = (v: ChecklistVersionEntity): ChecklistVersion => ({
  id: v.id,
  version: v.version,
  status: v.status,
  note: v.note,
  createdAt: v.createdAt.toISOString(),
  publishedAt: v.publishedAt?.toISOString() ?? null,
  sections: v.sections,
});

/** A version without its sections, with how many items they hold. */
export function toChecklistSummary(v: ChecklistVersionEntity): ChecklistSummary {
  const { sections, ...summary } = toChecklistVersion(v);
  return { ...summary, itemCount: sections.reduce((n, s) => n + s.items.length, 0) };
}

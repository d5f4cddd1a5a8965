/** Checklist versions as `/api/checklists` answers them (CONTRACT.md "Checklists"). */
import type { ChecklistSection } from '../checklists/types.js';

export type ChecklistStatus = 'draft' | 'published';

/** One version with its sections: `GET /api/checklists/:id`, `/active`, and the answer to every change. */
export interface ChecklistVersion {
  id: string;
  version: number;
  status: ChecklistStatus;
  note: string | null;
  /** ISO 8601 */
  createdAt: string;
  publishedAt: string | null;
  sections: ChecklistSection[];
}

/** A row of `GET /api/checklists`: a version without its sections. */
export interface ChecklistSummary extends Omit<ChecklistVersion, 'sections'> {
  itemCount: number;
}

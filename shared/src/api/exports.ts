/** Exports that need approval (DOMAIN.md confidentiality, seed 三(三): nothing leaves without approval). */

export type ExportStatus = 'pending' | 'approved' | 'refused' | 'downloaded';

/** An inspector's or team lead's request to export evaluations, as the requester and the approver see it. */
export interface ExportRequest {
  id: string;
  /** What is exported: the evaluations list (CONTRACT.md `GET /api/evaluations`). */
  kind: 'evaluations';
  format: 'csv' | 'xlsx';
  from: string | null;
  to: string | null;
  /** Team code, when the export is narrowed to one team. */
  team: string | null;
  /** Agent employee number, when narrowed to one agent. */
  agent: string | null;
  status: ExportStatus;
  requester: string;
  /** Why it is needed (the requester's words). */
  purpose: string | null;
  /** Who approved or refused it, when, and the reason given for a refusal. */
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  /** ISO 8601 */
  createdAt: string;
  downloadedAt: string | null;
}

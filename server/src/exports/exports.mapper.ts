import type { ExportRequest } from '#shared/api/exports.js';
import type { ExportRequestEntity } from './export-request.entity.js';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export const toExportRequest = (r: ExportRequestEntity): ExportRequest => ({
  id: r.id,
  kind: r.kind,
  format: r.format,
  from: r.query.from ?? null,
  to: r.query.to ?? null,
  team: r.query.team ?? null,
  agent: r.query.agent ?? null,
  status: r.status,
  requester: r.requester,
  purpose: r.purpose,
  decidedBy: r.decidedBy,
  decidedAt: iso(r.decidedAt),
  reason: r.reason,
  createdAt: iso(r.createdAt)!,
  downloadedAt: iso(r.downloadedAt),
});

import type { AuditLogEntry } from '#shared/api/audit.js';
import type { AuditLogEntity } from './audit-log.entity.js';

export const toAuditLogEntry = (r: AuditLogEntity): AuditLogEntry => ({
  id: r.id,
  at: r.at.toISOString(),
  username: r.username,
  action: r.action,
  ip: r.ip,
  detail: r.detail,
});

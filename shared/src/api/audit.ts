/** The audit log as `GET /api/audit-log` answers it (admin only), a `Page<AuditLogEntry>`. */

/** Who did what and when: sign-ins, failed sign-ins, changes to the organisation, exports. */
export interface AuditLogEntry {
  id: string;
  /** ISO 8601 */
  at: string;
  /** As typed at sign-in, kept even when no such user exists. */
  username: string | null;
  /** e.g. login, login.failed, agent.update */
  action: string;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

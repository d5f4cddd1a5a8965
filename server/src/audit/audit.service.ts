import { Injectable } from '@nestjs/common';
import type { AuditLogEntry } from '#shared/api/audit.js';
import type { Page } from '#shared/api/page.js';
import type { Transaction } from '#server/database/transaction.js';
import { toAuditLogEntry } from './audit.mapper.js';
import { AuditRepository } from './audit.repository.js';

export interface AuditEntry {
  userId?: string | null;
  username?: string | null;
  action: string;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly log: AuditRepository) {}

  /** Records one entry; pass the open transaction so the entry commits or rolls back with the change. */
  async record(entry: AuditEntry, tx?: Transaction): Promise<void> {
    await this.log.insert(
      {
        userId: entry.userId ?? null,
        username: entry.username ?? null,
        action: entry.action,
        ip: entry.ip ?? null,
        detail: entry.detail ?? null,
      },
      tx,
    );
  }

  async list(page: number, pageSize: number, action?: string): Promise<Page<AuditLogEntry>> {
    const [rows, total] = await this.log.page(page, pageSize, action);
    return { total, items: rows.map(toAuditLogEntry) };
  }
}

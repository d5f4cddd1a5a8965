import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { AuditLogEntry } from '../../../shared/src/api/audit.js';
import type { Page } from '../../../shared/src/api/page.js';
import { AuditLogEntity } from './audit-log.entity.js';

export interface AuditEntry {
  userId?: string | null;
  username?: string | null;
  action: string;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditLogEntity) private readonly log: Repository<AuditLogEntity>) {}

  /** Records one entry; pass the transaction's manager so the entry commits or rolls back with the change. */
  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditLogEntity) : this.log;
    await repo.insert({
      userId: entry.userId ?? null,
      username: entry.username ?? null,
      action: entry.action,
      ip: entry.ip ?? null,
      detail: (entry.detail ?? null) as never,
    });
  }

  async list(page: number, pageSize: number, action?: string): Promise<Page<AuditLogEntry>> {
    const [rows, total] = await this.log.findAndCount({
      where: action ? { action } : {},
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      total,
      items: rows.map((r) => ({ id: r.id, at: r.at.toISOString(), username: r.username, action: r.action, ip: r.ip, detail: r.detail })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Transaction } from '#server/database/transaction.js';
import { AuditLogEntity } from './audit-log.entity.js';

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditLogEntity) private readonly orm: Repository<AuditLogEntity>) {}

  async insert(entry: Pick<AuditLogEntity, 'userId' | 'username' | 'action' | 'ip' | 'detail'>, tx?: Transaction): Promise<void> {
    await (tx ? tx.getRepository(AuditLogEntity) : this.orm).insert(entry as never);
  }

  /** Newest first. */
  page(page: number, pageSize: number, action?: string): Promise<[AuditLogEntity[], number]> {
    return this.orm.findAndCount({
      where: action ? { action } : {},
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }
}

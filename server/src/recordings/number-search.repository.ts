import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Transaction } from '#server/database/transaction.js';
import { NumberSearchEntity } from './recording.entity.js';

export type NewNumberSearch = Pick<NumberSearchEntity, 'userId' | 'username' | 'number' | 'outcome' | 'ip'>;

/** The customer-number search log, and the rate limit it counts (issue 11 finding 4). */
@Injectable()
export class NumberSearchRepository {
  constructor(@InjectRepository(NumberSearchEntity) private readonly orm: Repository<NumberSearchEntity>) {}

  /** Serialises one user's number searches for the transaction, across server processes. */
  async lockUser(userId: string, tx: Transaction): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`number-search:${userId}`]);
  }

  /** The user's answered searches in the last `windowSeconds`, and when the oldest of them leaves the window. */
  async answeredWithin(userId: string, windowSeconds: number, tx: Transaction): Promise<{ count: number; retryAfterSeconds: number }> {
    const [row] = await tx.query(
      `SELECT count(*)::int AS count,
              GREATEST(1, CEIL(EXTRACT(EPOCH FROM (min(at) + make_interval(secs => $2) - clock_timestamp()))))::int AS "retryAfterSeconds"
         FROM customer_number_searches
        WHERE "userId" = $1 AND outcome = 'answered' AND at > clock_timestamp() - make_interval(secs => $2)`,
      [userId, windowSeconds],
    );
    return { count: row.count, retryAfterSeconds: row.retryAfterSeconds ?? 1 };
  }

  async insert(entry: NewNumberSearch, tx?: Transaction): Promise<void> {
    await (tx ? tx.getRepository(NumberSearchEntity) : this.orm).insert(entry);
  }

  /** Newest first. */
  async page(page: number, pageSize: number, username?: string): Promise<{ total: number; rows: NumberSearchEntity[] }> {
    const [rows, total] = await this.orm.findAndCount({
      where: username ? { username } : {},
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { total, rows };
  }
}

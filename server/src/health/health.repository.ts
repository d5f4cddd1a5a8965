import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthRepository {
  constructor(private readonly db: DataSource) {}

  /** Resolves once the database answers a trivial query. */
  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * An open database transaction. Services only hand it on to repositories, whose methods take it as
 * their last argument (and use the plain connection without it); they never query through it.
 */
export type Transaction = EntityManager;

/** The one way a service opens a transaction: everything the callback's repositories write commits or rolls back together. */
@Injectable()
export class TransactionRunner {
  constructor(private readonly db: DataSource) {}

  run<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }
}

import { Global, Module } from '@nestjs/common';
import { TransactionRunner } from './transaction.js';

/** What every domain's services use of the database itself: transactions (queries live in repositories). */
@Global()
@Module({
  providers: [TransactionRunner],
  exports: [TransactionRunner],
})
export class DatabaseModule {}

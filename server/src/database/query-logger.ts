import type { Logger as TypeOrmLogger } from 'typeorm';
import { currentRequestId } from '#server/common/request-context.js';

/** The PostgreSQL error code (SQLSTATE) of a failed query, e.g. 23505 for a duplicate. */
export const sqlState = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown; driverError?: { code?: unknown } } | null)?.code ?? (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * TypeORM's log: a failed query is one JSON line with its SQLSTATE and the request's id, never its
 * SQL text, its parameters or the driver's message (they carry customer numbers and transcripts).
 */
export class SafeQueryLogger implements TypeOrmLogger {
  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: 'migration', detail: message }) + '\n');
  }
  log(level: 'log' | 'info' | 'warn'): void {
    void level;
  }
  logQueryError(error: string | Error): void {
    const line = { time: new Date().toISOString(), level: 'error', msg: 'query failed', code: sqlState(error) ?? 'unknown', requestId: currentRequestId() };
    process.stderr.write(JSON.stringify(line) + '\n');
  }
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import type { ApiErrorBody } from '#shared/api/errors.js';
import { sqlState } from '#server/database/query-logger.js';
import { CODE_OF_STATUS, DomainError, type ErrorDetail } from './domain-error.js';
import { currentRequestId } from './request-context.js';

/**
 * Shapes every error as `{statusCode, message, code, params?, errors?}` (CONTRACT.md "Errors" plus a
 * stable code, shared/src/api/errors.ts). Unknown errors become a bare 500 INTERNAL: their text,
 * stack and SQL go to the server log, never to the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { body, headers } = this.toBody(exception);
    if (res.headersSent) {
      res.end();
      return;
    }
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): { body: ApiErrorBody; headers?: Record<string, string> } {
    if (exception instanceof DomainError) {
      const body: ApiErrorBody = { statusCode: exception.status, message: exception.message, code: exception.code };
      if (exception.extra.params) body.params = exception.extra.params;
      if (exception.details?.length) body.errors = exception.details;
      return { body, headers: exception.extra.headers };
    }
    if (exception instanceof HttpException) {
      // Nest wraps body-parser's errors (a SyntaxError for bad JSON) with the original as the cause.
      if (isBodyParserError(exception.cause)) return this.toBody(exception.cause);
      // Nest's own (an unknown route, ParseUUIDPipe, multer's limits): the code follows the status.
      const status = exception.getStatus();
      if (status >= 500) return this.internal(exception);
      const response = exception.getResponse();
      let message = exception.message;
      let errors: ErrorDetail[] | undefined;
      if (typeof response === 'object' && response !== null) {
        const r = response as { message?: unknown; errors?: ErrorDetail[] };
        if (Array.isArray(r.message)) message = r.message.join('; ');
        else if (typeof r.message === 'string') message = r.message;
        errors = r.errors;
      }
      const body: ApiErrorBody = { statusCode: status, message };
      const code = CODE_OF_STATUS[status];
      if (code) body.code = code;
      if (errors) body.errors = errors;
      return { body };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status ?? 400;
      if (status === 413) return { body: { statusCode: 413, message: 'Payload too large', code: 'PAYLOAD_TOO_LARGE' } };
      if (status === 415) return { body: { statusCode: 415, message: 'Unsupported request body encoding', code: 'UNSUPPORTED_MEDIA' } };
      return {
        body: {
          statusCode: status,
          message: 'Malformed request body: not valid JSON',
          code: exception.type === 'entity.parse.failed' ? 'MALFORMED_JSON' : (CODE_OF_STATUS[status] ?? 'MALFORMED_JSON'),
        },
      };
    }
    if (isDatabaseDown(exception)) {
      // PostgreSQL restarting or out of reach: the pool reconnects by itself once it answers again.
      this.logger.error(`database unavailable: ${sqlState(exception) ?? (exception as Error).message} (request ${currentRequestId() ?? '-'})`);
      return { body: { statusCode: 503, message: 'The database does not answer; try again later', code: 'UNAVAILABLE' }, headers: { 'Retry-After': '5' } };
    }
    if (exception instanceof QueryFailedError && (exception as unknown as { code?: string }).code === '23505') {
      // A unique index caught a race the service's own check could not see.
      return { body: { statusCode: 409, message: 'Already exists', code: 'DUPLICATE' } };
    }
    return this.internal(exception);
  }

  private internal(exception: unknown): { body: ApiErrorBody } {
    const requestId = currentRequestId() ?? '-';
    if (exception instanceof QueryFailedError || sqlState(exception)) {
      // A failed query's message, SQL and parameters can carry customer numbers: its SQLSTATE only.
      this.logger.error(`query failed: SQLSTATE ${sqlState(exception) ?? 'unknown'} (request ${requestId})`);
    } else {
      this.logger.error(`${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)} (request ${requestId})`);
    }
    return { body: { statusCode: 500, message: 'Internal server error', code: 'INTERNAL' } };
  }
}

/** SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, starting up). */
const DOWN_STATES = /^(08|57P0[1-3])/;
/** Node's socket errors when PostgreSQL is not listening or went away. */
const DOWN_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const DOWN_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i;

/** Whether the error says the database does not answer (not that a query was wrong). */
function isDatabaseDown(e: unknown): boolean {
  const state = sqlState(e);
  if (state && (DOWN_STATES.test(state) || DOWN_ERRNOS.has(state))) return true;
  const inner = (e as { driverError?: unknown } | null)?.driverError ?? e;
  const errno = (inner as { code?: unknown; errno?: unknown } | null)?.code;
  if (typeof errno === 'string' && DOWN_ERRNOS.has(errno)) return true;
  if (inner instanceof AggregateError && inner.errors.some((x) => DOWN_ERRNOS.has((x as { code?: string })?.code ?? ''))) return true;
  return inner instanceof Error && !(e instanceof HttpException) && DOWN_MESSAGES.test(inner.message);
}

function isBodyParserError(e: unknown): e is { status?: number; type: string } {
  return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' && 'status' in e;
}

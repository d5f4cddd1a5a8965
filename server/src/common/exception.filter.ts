import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ERROR_STATUS, type ErrorDetail } from './domain-error.js';

interface ErrorBody {
  statusCode: number;
  message: string;
  errors?: ErrorDetail[];
}

/**
 * Shapes every error as `{statusCode, message}` (CONTRACT.md "Errors"). Unknown errors become a
 * bare 500: their text, stack and SQL go to the server log, never to the client.
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

  private toBody(exception: unknown): { body: ErrorBody; headers?: Record<string, string> } {
    if (exception instanceof DomainError) {
      const body: ErrorBody = { statusCode: ERROR_STATUS[exception.code], message: exception.message };
      if (exception.details?.length) body.errors = exception.details;
      return { body, headers: exception.headers };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      let errors: ErrorDetail[] | undefined;
      if (typeof response === 'object' && response !== null) {
        const r = response as { message?: unknown; errors?: ErrorDetail[] };
        if (Array.isArray(r.message)) message = r.message.join('; ');
        else if (typeof r.message === 'string') message = r.message;
        errors = r.errors;
      }
      if (status >= 500) {
        this.logger.error(exception.stack ?? String(exception));
        message = 'Internal server error';
      }
      return { body: errors ? { statusCode: status, message, errors } : { statusCode: status, message } };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status ?? 400;
      const message = status === 413 ? 'Payload too large' : 'Malformed request body: not valid JSON';
      return { body: { statusCode: status, message } };
    }
    if (exception instanceof QueryFailedError && (exception as unknown as { code?: string }).code === '23505') {
      // A unique index caught a race the service's own check could not see.
      return { body: { statusCode: 409, message: 'Already exists' } };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { body: { statusCode: 500, message: 'Internal server error' } };
  }
}

function isBodyParserError(e: unknown): e is { status?: number; type: string } {
  return typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' && 'status' in e;
}

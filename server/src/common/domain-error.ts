/**
 * Errors the services raise, by what went wrong in the domain. The one place that turns
 * them into HTTP statuses is ERROR_STATUS below, read by the global exception filter.
 */
export type DomainErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'OUT_OF_SCOPE'
  | 'DUPLICATE'
  | 'STALE_VERSION'
  | 'BAD_CREDENTIALS'
  | 'THROTTLED'
  | 'UNSUPPORTED_MEDIA'
  | 'TOO_LARGE'
  | 'STATE_CONFLICT'
  | 'RANGE_NOT_SATISFIABLE';

export const ERROR_STATUS: Record<DomainErrorCode, number> = {
  INVALID_INPUT: 400,
  BAD_CREDENTIALS: 401,
  OUT_OF_SCOPE: 403,
  NOT_FOUND: 404,
  DUPLICATE: 409,
  STALE_VERSION: 409,
  STATE_CONFLICT: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  RANGE_NOT_SATISFIABLE: 416,
  THROTTLED: 429,
};

export interface ErrorDetail {
  field?: string;
  line?: number;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const invalid = (field: string, message: string) => new DomainError('INVALID_INPUT', `${field}: ${message}`, [{ field, message }]);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const duplicate = (what: string) => new DomainError('DUPLICATE', `${what} already exists`);
export const outOfScope = () => new DomainError('OUT_OF_SCOPE', 'Forbidden: outside your projects and teams');

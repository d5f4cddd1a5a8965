import type { ApiErrorDetail, ErrorCode, ErrorParams, FieldProblem } from '#shared/api/errors.js';

export type { ErrorCode } from '#shared/api/errors.js';

/**
 * The one place that turns an error code (shared/src/api/errors.ts) into an HTTP status, read by
 * the global exception filter. A Record, so a new code without a status does not compile.
 */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  CHECKLIST_INVALID: 400,
  IMPORT_ROWS_INVALID: 400,
  EXPORT_TOO_LARGE: 400,
  NUMBER_SEARCH_PARTIAL: 400,
  DAY_NOT_OVER: 400,
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  PERMISSION_DENIED: 403,
  SCOPE_DENIED: 403,
  NOT_YOUR_DRAFT: 403,
  EXPORT_NEEDS_APPROVAL: 403,
  ALL_PROJECTS_ONLY: 403,
  NOT_FOUND: 404,
  DUPLICATE: 409,
  STALE_REVISION: 409,
  EVALUATION_LOCKED: 409,
  EVALUATION_NOT_SUBMITTED: 409,
  DRAFT_EXISTS: 409,
  VERSION_PUBLISHED: 409,
  NO_INSPECTOR: 409,
  ALREADY_SCORED: 409,
  NOTHING_TO_DRAW: 409,
  SELF_LOCKOUT: 409,
  RECTIFICATION_STATE: 409,
  COACHING_ITEM_CLOSED: 409,
  COACHING_ITEM_IMPROVED: 409,
  ALREADY_ACKNOWLEDGED: 409,
  COACHING_ITEM_STALE: 409,
  EXPORT_STATE: 409,
  REPORT_PUBLISHED: 409,
  PROMOTION_STATE: 409,
  PROMOTION_OUT_OF_TURN: 409,
  PROMOTION_ALREADY_DECIDED: 409,
  PROMOTION_NOT_APPROVER: 403,
  EXAM_REQUIRED: 409,
  FAQ_RETIRED: 409,
  FAQ_STALE: 409,
  FAQ_STATE: 409,
  DISPUTE_WINDOW_CLOSED: 409,
  DISPUTE_CALIBRATION: 409,
  DISPUTE_EXISTS: 409,
  EVALUATION_ACKNOWLEDGED: 409,
  DISPUTE_STATE: 409,
  DISPUTE_NOT_YOURS: 403,
  EXAMPLE_NOT_YOURS: 403,
  AUTO_CHECK_BLIND: 403,
  CALIBRATION_BLIND: 403,
  CALIBRATION_STATE: 409,
  CALIBRATION_NOT_PARTICIPANT: 403,
  PAYLOAD_TOO_LARGE: 413,
  AUDIO_TOO_LONG: 413,
  UNSUPPORTED_MEDIA: 415,
  AUDIO_SAMPLE_RATE: 415,
  RANGE_NOT_SATISFIABLE: 416,
  AUDIO_REMOVED: 410,
  THROTTLED: 429,
  NUMBER_SEARCH_THROTTLED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  STORAGE_UNAVAILABLE: 503,
};

/** The code an error without one of ours (Nest's own, multer's) gets from its status. */
export const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'DUPLICATE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA',
  416: 'RANGE_NOT_SATISFIABLE',
  429: 'THROTTLED',
  503: 'UNAVAILABLE',
};

export type ErrorDetail = ApiErrorDetail;

/** Errors the services raise, by what went wrong in the domain (after twenty's `*.exception.ts`). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly extra: { params?: ErrorParams; headers?: Record<string, string> } = {},
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** A field the services find wrong: 400 VALIDATION_FAILED naming it, with what is wrong as a code when the web should say more than "invalid". */
export const invalid = (field: string, message: string, problem?: FieldProblem, params?: ErrorParams) =>
  new DomainError('VALIDATION_FAILED', `${field}: ${message}`, [{ field, message, ...(problem ? { code: problem } : {}), ...(params ? { params } : {}) }]);
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const duplicate = (what: string) => new DomainError('DUPLICATE', `${what} already exists`);
export const outOfScope = () => new DomainError('SCOPE_DENIED', 'Forbidden: outside your projects and teams');
/** The caller's role does not allow this (the guard's answer, and a service's role rule). */
export const permissionDenied = (message = 'Forbidden: your role does not allow this') => new DomainError('PERMISSION_DENIED', message);

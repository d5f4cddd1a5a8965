/** What every error answers (CONTRACT.md "Errors"): NestJS's shape, never an HTML page or a stack trace. */
export interface ErrorResponse {
  /** The HTTP status, repeated in the body. */
  statusCode: number;
  /** What went wrong, in English, for logs and people reading the API; clients branch on `code`. */
  message: string;
  /** A stable domain code such as `EVALUATION_LOCKED` or `STALE_REVISION`. */
  code?: string;
  /** Each bad field or sheet line, where the error names them. */
  errors?: ErrorDetail[];
}

export interface ErrorDetail {
  /** The request field at fault. */
  field?: string;
  /** The line of an uploaded sheet at fault (the heading is line 1). */
  line?: number;
  message: string;
}

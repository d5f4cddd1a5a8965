import { type ApiErrorBody, type ApiErrorDetail, type ErrorCode, type ErrorParams, isErrorCode } from '#shared/api/errors';

/**
 * The one way the web app talks to the server: JSON over fetch under /api, with the bearer token
 * from localStorage. Errors come back as `{statusCode, message, code, params?, errors?}`
 * (shared/src/api/errors.ts) and are thrown as ApiError; the app branches on `code` and shows
 * errorMessage()'s translation, never the server's English `message`.
 */

import { paths } from '#web/config/paths';

export const TOKEN_KEY = 'qa.token';
const BASE = '/api';

export type { ApiErrorDetail, ErrorCode } from '#shared/api/errors';

export class ApiError extends Error {
  constructor(
    /** 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    readonly errors: ApiErrorDetail[] = [],
    /** Absent only when the answer did not come from this server (a proxy's page) or never came. */
    readonly code?: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The ApiError a failed response stands for (for the few callers that fetch by themselves, e.g. downloads). */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: Partial<ApiErrorBody> | null = null;
  try {
    body = (await res.json()) as Partial<ApiErrorBody> | null;
  } catch {
    // Not JSON (a proxy's page, say): only the status is known.
  }
  const message = typeof body?.message === 'string' ? body.message : res.statusText || `HTTP ${res.status}`;
  const errors = Array.isArray(body?.errors) ? body.errors : [];
  const params = body?.params && typeof body.params === 'object' ? body.params : {};
  return new ApiError(res.status, message, errors, isErrorCode(body?.code) ? body.code : undefined, params);
}

/** The ApiError of a request that never got an answer. */
export const networkError = (e: unknown): ApiError => new ApiError(0, (e as Error)?.message || 'Network error');

export const getToken = (): string | null => localStorage.getItem(TOKEN_KEY);
export const setToken = (token: string): void => localStorage.setItem(TOKEN_KEY, token);
export const clearToken = (): void => localStorage.removeItem(TOKEN_KEY);

let onUnauthorized = (): void => {
  window.location.assign(paths.login.getHref());
};

/** The app sets this to a router navigation so that a 401 does not reload the page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  query?: Query;
  /** A plain object is sent as JSON; FormData is sent as multipart. */
  body?: unknown;
  signal?: AbortSignal;
  /** Send no token (signing in): a 401 then means bad credentials, not an expired session. */
  anonymous?: boolean;
}

function url(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${BASE}${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = options.anonymous ? null : getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let res: Response;
  try {
    res = await fetch(url(path, options.query), { method, headers, body, signal: options.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw networkError(e);
  }

  if (!res.ok) {
    const error = await errorFromResponse(res);
    // A signed-in request refused as unauthenticated: the session is gone. A failed sign-in (BAD_CREDENTIALS) is not.
    if (error.code === 'UNAUTHENTICATED' && token) {
      clearToken();
      onUnauthorized();
    }
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Every list the server answers. */
export type { Page } from '#shared/api/page';

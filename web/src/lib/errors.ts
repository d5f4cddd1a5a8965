import type { TFunction } from 'i18next';
import type { ApiErrorDetail, ErrorCode, ErrorParams } from '#shared/api/errors';
import { ApiError } from './api-client';

/** Codes whose `errors[]` say what is wrong where: the first problem is told with the code's sentence. */
const WITH_DETAILS: ReadonlySet<ErrorCode> = new Set(['VALIDATION_FAILED', 'MALFORMED_JSON', 'CHECKLIST_INVALID', 'IMPORT_ROWS_INVALID']);

/** Refusals that asking again cannot change: no retry button for them. */
const FINAL: ReadonlySet<ErrorCode> = new Set(['PERMISSION_DENIED', 'SCOPE_DENIED', 'NOT_YOUR_DRAFT', 'NOT_FOUND']);

export const errorCode = (error: unknown): ErrorCode | undefined => (error instanceof ApiError ? error.code : undefined);

/** Whether the error is one of these codes: the web branches on codes, never on English text or a bare status. */
export const isError = (error: unknown, ...codes: ErrorCode[]): boolean => {
  const code = errorCode(error);
  return code !== undefined && codes.includes(code);
};

/** A 403 or 404: the user may not see it, or it is not there. */
export const isRefusal = (error: unknown): boolean => {
  const code = errorCode(error);
  return code !== undefined && FINAL.has(code);
};

/** Whether trying the same request again may help: not after a refusal or a bad request. */
export function canRetry(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  if (error.status === 0) return true;
  if (error.code) return error.code === 'INTERNAL' || error.code === 'UNAVAILABLE' || error.code === 'THROTTLED';
  // Not from this server (a proxy's page): only the status says anything.
  return error.status >= 500;
}

type Shown = Record<string, string | number | boolean>;

/** Params as the sentence shows them: lists joined the language's way, a wait in minutes. */
function shown(params: ErrorParams | undefined, t: TFunction): Shown {
  const out: Shown = {};
  for (const [key, value] of Object.entries(params ?? {})) out[key] = Array.isArray(value) ? value.join(t('common.listSeparator')) : (value as string | number | boolean);
  if (typeof params?.retryAfterSeconds === 'number') out.minutes = Math.max(1, Math.ceil(params.retryAfterSeconds / 60));
  return out;
}

/** t for keys made of a code the server sent, which the typed keys cannot know: a missing one falls back to `defaultValue`. */
const byKey = (t: TFunction, key: string, options: Shown & { defaultValue: string }): string => (t as unknown as (key: string, options: object) => string)(key, options);

/** `items[3].verdict` → 结果; a field without a label keeps its name. */
export function fieldLabel(field: string | undefined, t: TFunction): string {
  if (!field) return '';
  const name = /([A-Za-z]+)(?:\[\d+\])?$/.exec(field)?.[1] ?? field;
  return byKey(t, `errors.field.${name}`, { defaultValue: name });
}

/** What is wrong, without where: 「不能超过 100 个字符」. Checklist problems have their own sentences (checklists.problems). */
export function problemText(detail: ApiErrorDetail, t: TFunction, scope: 'errors.detail' | 'checklists.problems' = 'errors.detail'): string {
  const params = shown(detail.params, t);
  if (detail.code === 'missingColumns' && Array.isArray(detail.params?.columns)) {
    params.columns = detail.params.columns.map((c) => fieldLabel(String(c), t)).join(t('common.listSeparator'));
  }
  return detail.code ? byKey(t, `${scope}.${detail.code}`, { ...params, defaultValue: t('errors.detail.invalid') }) : t('errors.detail.invalid');
}

/** One problem of a request in words, with where: 「「名称」不能超过 100 个字符」, 「第 3 行：「入职日期」「2024-13-01」格式不正确」. */
export function detailText(detail: ApiErrorDetail, t: TFunction, scope: 'errors.detail' | 'checklists.problems' = 'errors.detail'): string {
  const problem = problemText(detail, t, scope);
  const where = detail.field ? t('errors.fieldProblem', { field: fieldLabel(detail.field, t), problem }) : problem;
  return detail.line !== undefined ? t('errors.lineProblem', { line: detail.line, problem: where }) : where;
}

/**
 * What to tell the user about a failed request, in the user's language, from the error's code.
 * With `details: false` only the code's sentence, for a page that lists `errors[]` itself.
 */
export function errorMessage(error: unknown, t: TFunction, { details = true }: { details?: boolean } = {}): string {
  if (!(error instanceof ApiError)) return t('errors.unexpectedText');
  if (error.status === 0) return t('errors.network');
  const code = error.code;
  if (!code) return t('errors.http', { status: error.status });
  const sentence = t(`errors.${code}`, shown(error.params, t));
  const first = details && WITH_DETAILS.has(code) ? error.errors[0] : undefined;
  if (!first) return sentence;
  const detail = detailText(first, t, code === 'CHECKLIST_INVALID' ? 'checklists.problems' : 'errors.detail');
  const more = error.errors.length > 1 ? t('errors.andMore', { count: error.errors.length - 1 }) : '';
  return t('errors.withDetail', { sentence, detail: detail + more });
}

import type { TFunction } from 'i18next';
import { ApiError } from './api-client';

/** What to tell the user about a failed request: the server's own message when it gave one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) return error.status === 0 ? t('errors.network') : error.message;
  if (error instanceof Error && error.message) return error.message;
  return t('errors.unexpected');
}

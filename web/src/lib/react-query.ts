import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** A refusal (4xx) will not change on retry; a network blip or a 5xx may. */
function retry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** How long an answer counts as fresh unless a query says otherwise. */
export const DEFAULT_STALE_TIME = 30_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry, staleTime: DEFAULT_STALE_TIME, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

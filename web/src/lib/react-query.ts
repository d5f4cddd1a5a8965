import { QueryClient } from '@tanstack/react-query';
import { canRetry } from './errors';

/** A refusal or a bad request will not change on retry; a network blip or a server failure may. */
function retry(failureCount: number, error: Error): boolean {
  return canRetry(error) && failureCount < 2;
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

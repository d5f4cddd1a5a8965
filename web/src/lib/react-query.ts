import { QueryClient } from '@tanstack/react-query';
import { canRetry } from './errors';

/** A refusal or a bad request will not change on retry; a network blip or a server failure may. */
function retry(failureCount: number, error: Error): boolean {
  return canRetry(error) && failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

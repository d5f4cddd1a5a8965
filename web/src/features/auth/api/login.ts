import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginResponse } from '#shared/api/auth';
import { request, setToken } from '#web/lib/api-client';
import { meQueryOptions } from '#web/lib/auth';

export interface LoginInput {
  username: string;
  password: string;
}

export const login = (input: LoginInput) => request<LoginResponse>('POST', '/auth/login', { body: input, anonymous: true });

/** Signs in, keeps the token and primes the signed-in user so the first page needs no extra round trip. */
export function useLogin({ onSuccess }: { onSuccess: () => void }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (result) => {
      queryClient.clear();
      setToken(result.accessToken);
      queryClient.setQueryData(meQueryOptions().queryKey, result.user);
      onSuccess();
    },
  });
}

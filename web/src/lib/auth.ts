import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SignedInUser } from '#shared/api/auth';
import { api, clearToken, getToken } from './api-client';

export type { SignedInUser };

export const getMe = (signal?: AbortSignal) => api.get<SignedInUser>('/auth/me', undefined, signal);

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'me'],
    queryFn: ({ signal }) => getMe(signal),
    staleTime: Infinity,
    enabled: getToken() !== null,
  });

export const useUser = () => useQuery(meQueryOptions());

export const logout = () => api.post<void>('/auth/logout');

/** Signs out on the server, then forgets the token and every cached answer whatever the server said. */
export function useLogout({ onDone }: { onDone: () => void | Promise<void> }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      clearToken();
      // Leave the signed-in pages first, so none of them renders without its user.
      await onDone();
      queryClient.clear();
    },
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '#shared/api/org';
import type { Role } from '#shared/org';
import { teamKeys } from '#web/api/teams';
import { api, type Page } from '#web/lib/api-client';
import { meQueryOptions } from '#web/lib/auth';

export type { User };

export interface CreateUserInput {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  projects?: string[];
  teams?: string[];
  allProjects?: boolean;
}

export interface UpdateUserInput {
  displayName?: string;
  roles?: Role[];
  projects?: string[];
  teams?: string[];
  allProjects?: boolean;
  active?: boolean;
  password?: string;
}

export const getUsers = (signal?: AbortSignal) => api.get<Page<User>>('/users', undefined, signal);

export const usersQueryOptions = () =>
  queryOptions({
    queryKey: ['users'],
    queryFn: ({ signal }) => getUsers(signal),
  });

export const useUsers = () => useQuery(usersQueryOptions());

export const createUser = (input: CreateUserInput) => api.post<User>('/users', input);

export const updateUser = ({ id, ...patch }: UpdateUserInput & { id: string }) => api.patch<User>(`/users/${id}`, patch);

/** Team leads are listed on the teams, and the admin may have edited himself: refresh those with the users. */
function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => Promise.all([usersQueryOptions().queryKey, teamKeys.all, meQueryOptions().queryKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: createUser, onSuccess: invalidate });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: updateUser, onSuccess: invalidate });
}

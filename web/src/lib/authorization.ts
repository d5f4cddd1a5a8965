import { can, type Permission } from '#shared/permissions';
import { useUser } from './auth';

export type { Permission };

/**
 * Whether the signed-in user holds a permission of the shared table (shared/src/permissions.ts),
 * for showing or hiding what the server would refuse. The server decides for real.
 */
export function useCan(permission: Permission): boolean {
  const { data: user } = useUser();
  return can(user?.roles, permission);
}

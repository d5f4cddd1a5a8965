import { Role } from '../../../shared/src/org';
import { hasAnyRole, useUser } from './auth';

/**
 * Who may change what, for showing or hiding buttons. The server decides for real; this only keeps
 * people from being offered what it would refuse.
 */
export const POLICIES = {
  'project:edit': [Role.Admin],
  'team:edit': [Role.Admin, Role.Supervisor],
  'agent:edit': [Role.Admin, Role.Supervisor],
  'user:edit': [Role.Admin],
} as const satisfies Record<string, readonly Role[]>;

export type Policy = keyof typeof POLICIES;

export function useCan(policy: Policy): boolean {
  const { data: user } = useUser();
  return hasAnyRole(user, POLICIES[policy]);
}

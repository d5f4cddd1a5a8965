import { outOfScope } from '../common/domain-error.js';
import type { AuthUser } from './auth-user.js';

/**
 * The one scope helper (after immich's requireAccess). Services call it before reading or changing
 * anything that belongs to a project or team; it throws 403 when the user is outside that scope.
 */
export function requireAccess(user: AuthUser, target: { teamId: string } | { projectId: string; whole?: boolean }): void {
  if (!canAccess(user, target)) throw outOfScope();
}

/**
 * `whole: true` asks for the entire project (e.g. to create a team in it), which a user bound only
 * to one of its teams does not have.
 */
export function canAccess(user: AuthUser, target: { teamId: string } | { projectId: string; whole?: boolean }): boolean {
  if (user.seesAll) return true;
  if ('teamId' in target) return user.visibleTeamIds.includes(target.teamId);
  if (target.whole) return user.wholeProjectIds.includes(target.projectId);
  return user.visibleProjectIds.includes(target.projectId);
}

/** For list queries: null means no restriction, otherwise the team ids the query must stay within. */
export function visibleTeams(user: AuthUser): string[] | null {
  return user.seesAll ? null : user.visibleTeamIds;
}

export function visibleProjects(user: AuthUser): string[] | null {
  return user.seesAll ? null : user.visibleProjectIds;
}

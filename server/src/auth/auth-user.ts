import type { Role } from '#shared/org.js';

/** The signed-in user as the guard resolved it for this request, with the scope already computed. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Codes the user is bound to, as shown to them. */
  projectCodes: string[];
  teamCodes: string[];
  /** Admins, and supervisors with the explicit "all projects" flag, see the whole centre. */
  seesAll: boolean;
  /** Teams the user may see: the teams bound directly plus every team of a bound project. */
  visibleTeamIds: string[];
  /** Projects the user may see: bound projects plus the projects of bound teams. */
  visibleProjectIds: string[];
  /** Projects bound as a whole (not only through one of their teams). */
  wholeProjectIds: string[];
}

import type { User } from '#shared/api/org.js';
import type { UserEntity } from './user.entity.js';

/** Never the password hash. */
export const toUserResponse = (u: UserEntity): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  roles: u.roles,
  projects: (u.projects ?? []).map((p) => p.code).sort(),
  teams: (u.teams ?? []).map((t) => t.code).sort(),
  active: u.active,
  allProjects: u.allProjects,
});

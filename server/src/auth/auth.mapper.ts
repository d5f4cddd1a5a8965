import type { LoginResponse, SignedInUser } from '#shared/api/auth.js';
import type { AuthUser } from './auth-user.js';

export function signedInUser(user: AuthUser): SignedInUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    projects: user.projectCodes,
    teams: user.teamCodes,
    allProjects: user.seesAll,
  };
}

export const toLoginResponse = (token: string, expiresAt: Date, user: AuthUser): LoginResponse => ({
  accessToken: token,
  tokenType: 'Bearer',
  expiresAt: expiresAt.toISOString(),
  user: signedInUser(user),
});

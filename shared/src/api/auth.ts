/** What `/api/auth` answers. */
import type { Role } from '../org.js';

/** The signed-in user as `GET /api/auth/me` and `POST /api/auth/login` answer it. */
export interface SignedInUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** Project codes the user is bound to (none: not bound by project). */
  projects: string[];
  /** Team codes the user is bound to. */
  teams: string[];
  /** Sees the whole centre: an admin, or a supervisor given the explicit "all projects" flag. */
  allProjects: boolean;
}

/** `POST /api/auth/login`. The same token is also set as an httpOnly cookie for the audio stream. */
export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  /** ISO 8601 */
  expiresAt: string;
  user: SignedInUser;
}

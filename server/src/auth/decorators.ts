import { plainIp } from '#server/common/client-ip.js';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Permission } from '#shared/permissions.js';
import type { AuthUser } from './auth-user.js';

export const PERMISSION_KEY = 'qa:permission';
export const PUBLIC_KEY = 'qa:public';

/**
 * The one permission a route needs (shared/src/permissions.ts says which roles hold it).
 * A route without it (and not @Public) is refused to everyone.
 */
export const Can = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

export const COOKIE_AUTH_KEY = 'qa:cookie-auth';

/**
 * A GET route that also accepts the httpOnly session cookie instead of the bearer token: only the
 * audio stream, which an <audio> element fetches without headers. Every other route ignores the cookie.
 */
export const AcceptsSessionCookie = () => SetMetadata(COOKIE_AUTH_KEY, true);

/** A route anyone may call without signing in (health, sign-in). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});

export const ClientIp = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  return plainIp(ctx.switchToHttp().getRequest().ip);
});

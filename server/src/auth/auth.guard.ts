import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type Permission } from '#shared/permissions.js';
import { DomainError, permissionDenied } from '#server/common/domain-error.js';
import { COOKIE_AUTH_KEY, PERMISSION_KEY, PUBLIC_KEY } from './decorators.js';
import { SessionService } from './session.service.js';
import { tokenFromRequest } from './token.js';

/**
 * The one global guard. Deny by default: a route must be @Public or state its permission with @Can.
 * Scope (which projects and teams) is checked in the services through AccessService.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const token = tokenFromRequest(req, { cookie: this.reflector.getAllAndOverride<boolean>(COOKIE_AUTH_KEY, targets) === true });
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in first: missing bearer token');
    const user = await this.sessions.resolve(token);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Invalid or expired token');
    req.user = user;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission || !can(user.roles, permission)) {
      throw permissionDenied();
    }
    return true;
  }
}

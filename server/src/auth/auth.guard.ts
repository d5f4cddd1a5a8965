import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../../../shared/src/org.js';
import { DomainError, permissionDenied } from '../common/domain-error.js';
import { PUBLIC_KEY, ROLES_KEY } from './decorators.js';
import { SessionService } from './session.service.js';
import { tokenFromRequest } from './token.js';

/**
 * The one global guard. Deny by default: a route must be @Public or name its roles with @Roles.
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
    const token = tokenFromRequest(req);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in first: missing bearer token');
    const user = await this.sessions.resolve(token);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Invalid or expired token');
    req.user = user;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!allowed?.length || !user.roles.some((r) => allowed.includes(r))) {
      throw permissionDenied();
    }
    return true;
  }
}

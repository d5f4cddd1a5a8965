import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import type { LoginResponse } from '#shared/api/auth.js';
import { AuditService } from '#server/audit/audit.service.js';
import { DomainError } from '#server/common/domain-error.js';
import { UserRepository } from '#server/org/users/user.repository.js';
import { toLoginResponse } from './auth.mapper.js';
import type { AuthUser } from './auth-user.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionService } from './session.service.js';

// Verifying against a fixed hash when the user does not exist keeps the answer time the same,
// so timing does not tell which usernames exist.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$0lcqj3Ny6eQxSr40WrZ6nDd4JQaSCmh+0fF4hXDNFHY';

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

@Injectable()
export class AuthService {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async login(username: string, password: string, ip = 'unknown'): Promise<LoginResponse> {
    try {
      await this.throttle.admit(username, ip);
    } catch (e) {
      await this.audit.record({ username, action: 'login.throttled', ip });
      throw e;
    }
    const user = await this.users.byUsername(username);
    const ok = await argon2.verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!user || !ok || !user.active) {
      await this.throttle.failed(ip);
      await this.audit.record({ userId: user?.id ?? null, username, action: 'login.failed', ip, detail: { reason: !user || !ok ? 'bad-credentials' : 'inactive' } });
      throw new DomainError('BAD_CREDENTIALS', 'Wrong username or password');
    }
    await this.throttle.succeeded(username);
    const { token, expiresAt } = await this.sessions.create(user.id);
    await this.audit.record({ userId: user.id, username, action: 'login', ip });
    const authUser = await this.sessions.authUser({ id: user.id, username: user.username, displayName: user.displayName, roles: user.roles });
    return toLoginResponse(token, expiresAt, authUser);
  }

  async logout(token: string | undefined, user: AuthUser, ip?: string): Promise<void> {
    if (token) await this.sessions.revoke(token);
    await this.audit.record({ userId: user.id, username: user.username, action: 'logout', ip });
  }
}

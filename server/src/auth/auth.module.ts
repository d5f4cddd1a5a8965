import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OrgModule } from '#server/org/org.module.js';
import { AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthService } from './auth.service.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';
import { LoginThrottle } from './login-throttle.js';
import { SessionRepository } from './session.repository.js';
import { SessionService } from './session.service.js';

@Global()
@Module({
  imports: [OrgModule],
  controllers: [AuthController],
  providers: [AuthService, LoginAttemptRepository, LoginThrottle, SessionRepository, SessionService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [SessionService],
})
export class AuthModule {}

import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { LoginResponse, SignedInUser } from '#shared/api/auth.js';
import { ApiNoContent, ApiResult } from '#server/openapi/api-result.js';
import type { AuthUser } from './auth-user.js';
import { LoginDto } from './auth.dto.js';
import { signedInUser } from './auth.mapper.js';
import { AuthService } from './auth.service.js';
import { Can, ClientIp, CurrentUser, Public } from './decorators.js';
import { SESSION_COOKIE, tokenFromRequest } from './token.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @ApiResult('LoginResponse')
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body() dto: LoginDto, @ClientIp() ip: string, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const result = await this.auth.login(dto.username, dto.password, ip);
    // The cookie lets <audio> elements stream and opens nothing else (AcceptsSessionCookie); SameSite=Strict
    // and GET-only use keep it from CSRF. Secure when the request came over HTTPS (req.secure believes
    // X-Forwarded-Proto only from a TRUST_PROXY proxy).
    res.cookie(SESSION_COOKIE, result.accessToken, { httpOnly: true, secure: req.secure, sameSite: 'strict', path: '/api', expires: new Date(result.expiresAt) });
    return result;
  }

  @ApiNoContent('Signed out: the token no longer opens the API')
  @ApiBearerAuth()
  @Can('session.own')
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() req: Request, @CurrentUser() user: AuthUser, @ClientIp() ip: string, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(tokenFromRequest(req), user, ip);
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: req.secure, sameSite: 'strict', path: '/api' });
  }

  @ApiResult('SignedInUser')
  @ApiBearerAuth()
  @Can('session.own')
  @Get('me')
  me(@CurrentUser() user: AuthUser): SignedInUser {
    return signedInUser(user);
  }
}

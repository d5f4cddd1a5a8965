import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page } from '#shared/api/page.js';
import type { RetentionPolicy, RetentionRun } from '#shared/api/retention.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { IdParam } from '#server/common/id-param.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { RetentionPolicyDto } from './retention.dto.js';
import { RetentionService } from './retention.service.js';

/** Issue 16: how long each project keeps its calls' audio, and the run that applies it. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller()
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** Every project of the caller's with its policy (null days: kept for ever). */
  @ApiResult('Page', 'RetentionPolicy')
  @Can('retention.read')
  @Get('retention-policies')
  list(@CurrentUser() user: AuthUser): Promise<Page<RetentionPolicy>> {
    return this.retention.list(user);
  }

  @ApiResult('RetentionPolicy')
  @Can('retention.edit')
  @Put('retention-policies/:projectId')
  set(@CurrentUser() user: AuthUser, @IdParam('projectId') projectId: string, @Body() dto: RetentionPolicyDto): Promise<RetentionPolicy> {
    return this.retention.set(user, projectId, dto);
  }

  /** Applies every project's policy now, as the daily job does; audited. */
  @ApiResult('RetentionRun', { status: 201 })
  @Can('retention.run')
  @Post('retention-runs')
  run(@CurrentUser() user: AuthUser): Promise<RetentionRun> {
    return this.retention.run('manual', user);
  }
}

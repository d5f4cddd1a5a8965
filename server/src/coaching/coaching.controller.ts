import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CoachingItem, CoachingItemDetail } from '#shared/api/coaching.js';
import type { Page } from '#shared/api/page.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { AcknowledgeDto, CoachingQueryDto, CoachingSessionDto } from './coaching.dto.js';
import { CoachingService } from './coaching.service.js';

@ApiTags('coaching')
@ApiBearerAuth()
@Controller('coaching-items')
export class CoachingController {
  constructor(private readonly coaching: CoachingService) {}

  /** CONTRACT.md "Follow-up: coaching": the caller's teams' items, newest and fatal first. */
  @ApiResult('Page', 'CoachingItem')
  @Can('coaching.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: CoachingQueryDto): Promise<Page<CoachingItem>> {
    return this.coaching.list(user, q);
  }

  @ApiResult('CoachingItemDetail')
  @Can('coaching.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CoachingItemDetail> {
    return this.coaching.get(user, id);
  }

  /** The lead's one-to-one with the agent. */
  @ApiResult('CoachingItemDetail', { status: 201 })
  @Can('coaching.record')
  @Post(':id/sessions')
  addSession(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: CoachingSessionDto): Promise<CoachingItemDetail> {
    return this.coaching.addSession(user, id, dto);
  }

  /** The agent has seen and acknowledged the result. */
  @ApiResult('CoachingItemDetail')
  @Can('coaching.record')
  @HttpCode(200)
  @Post(':id/acknowledge')
  acknowledge(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AcknowledgeDto): Promise<CoachingItemDetail> {
    return this.coaching.acknowledge(user, id, dto);
  }
}

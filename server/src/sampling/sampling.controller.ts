import { Body, Controller, Get, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NextAssignment } from '#shared/api/sampling.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { IsLocalDate } from '#server/common/local-date.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { ConfidenceService } from './confidence.service.js';
import { ConfidenceQueryDto, QueueQueryDto, ReassignDto, RunSamplingDto, SpotCheckDto, UpdatePlanDto } from './sampling.dto.js';
import { SamplingService } from './sampling.service.js';
import { SamplingPlanService } from './sampling-plan.service.js';
import { IdParam } from '#server/common/id-param.js';

class RunQueryDto {
  @IsLocalDate()
  date!: string;
}

@ApiTags('sampling')
@ApiBearerAuth()
@Controller('sampling')
export class SamplingController {
  constructor(
    private readonly sampling: SamplingService,
    private readonly plans: SamplingPlanService,
    private readonly confidence: ConfidenceService,
  ) {}

  /** CONTRACT.md "Sampling": 201 for a new run, 200 with the same assignments when the day was sampled. */
  @ApiResult('SamplingRun', { status: 201, description: 'The day sampled now' })
  @ApiResult('SamplingRun', { status: 200, description: 'The day was sampled before: the same assignments' })
  @Can('sampling.run')
  @Post('runs')
  async run(@CurrentUser() user: AuthUser, @Body() dto: RunSamplingDto, @Res({ passthrough: true }) res: Response) {
    const { created, run } = await this.sampling.run(user, dto.project, dto.date);
    res.status(created ? 201 : 200);
    return run;
  }

  @ApiResult('SamplingRun')
  @Can('sampling.run')
  @Get('runs/:project')
  getRun(@CurrentUser() user: AuthUser, @Param('project') project: string, @Query() q: RunQueryDto) {
    return this.sampling.getRun(user, project, q.date);
  }

  /** Who calls of the project can be given to (for reassigning). */
  @ApiResult('SamplingInspectors')
  @Can('sampling.assign')
  @Get('inspectors/:project')
  inspectors(@CurrentUser() user: AuthUser, @Param('project') project: string) {
    return this.sampling.inspectors(user, project);
  }

  @ApiResult('SamplingPlan')
  @Can('sampling.plan.read')
  @Get('plans/:project')
  plan(@CurrentUser() user: AuthUser, @Param('project') project: string) {
    return this.plans.get(user, project);
  }

  @ApiResult('SamplingPlan')
  @Can('sampling.plan.edit')
  @Put('plans/:project')
  updatePlan(@CurrentUser() user: AuthUser, @Param('project') project: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(user, project, { ...dto.rules });
  }

  /** The caller's own listening queue. */
  @ApiResult('AssignmentQueue')
  @Can('sampling.queue')
  @Get('queue')
  queue(@CurrentUser() user: AuthUser, @Query() q: QueueQueryDto) {
    return this.sampling.queue(user, q.date);
  }

  @ApiResult('NextAssignment')
  @Can('sampling.queue')
  @Get('queue/next')
  next(@CurrentUser() user: AuthUser): Promise<NextAssignment> {
    return this.sampling.next(user);
  }

  @ApiResult('Assignment')
  @Can('sampling.assign')
  @Patch('assignments/:id')
  reassign(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: ReassignDto) {
    return this.sampling.reassign(user, id, dto.inspector);
  }

  @ApiResult('Assignment', { isArray: true })
  @Can('sampling.spotCheck')
  @Post('spot-checks')
  spotCheck(@CurrentUser() user: AuthUser, @Body() dto: SpotCheckDto) {
    return this.sampling.spotCheck(user, dto.team, dto.date, dto.count);
  }

  @ApiResult('AgentConfidenceReport')
  @Can('sampling.confidence')
  @Get('confidence')
  byAgent(@CurrentUser() user: AuthUser, @Query() q: ConfidenceQueryDto) {
    return this.confidence.byAgent(user, q);
  }
}

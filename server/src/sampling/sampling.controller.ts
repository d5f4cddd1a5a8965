import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NextAssignment } from '../../../shared/src/api/sampling.js';
import { Role } from '../../../shared/src/org.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { IsLocalDate } from '../common/local-date.js';
import { ConfidenceService } from './confidence.service.js';
import { ConfidenceQueryDto, QueueQueryDto, ReassignDto, RunSamplingDto, SpotCheckDto, UpdatePlanDto } from './sampling.dto.js';
import { SamplingService } from './sampling.service.js';
import { SamplingPlanService } from './sampling-plan.service.js';

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
  @Roles(Role.Admin, Role.Supervisor, Role.Inspector)
  @Post('runs')
  async run(@CurrentUser() user: AuthUser, @Body() dto: RunSamplingDto, @Res({ passthrough: true }) res: Response) {
    const { created, run } = await this.sampling.run(user, dto.project, dto.date);
    res.status(created ? 201 : 200);
    return run;
  }

  @Roles(Role.Admin, Role.Supervisor, Role.Inspector)
  @Get('runs/:project')
  getRun(@CurrentUser() user: AuthUser, @Param('project') project: string, @Query() q: RunQueryDto) {
    return this.sampling.getRun(user, project, q.date);
  }

  /** Who calls of the project can be given to (for reassigning). */
  @Roles(Role.Admin, Role.Supervisor)
  @Get('inspectors/:project')
  inspectors(@CurrentUser() user: AuthUser, @Param('project') project: string) {
    return this.sampling.inspectors(user, project);
  }

  @Roles(Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead)
  @Get('plans/:project')
  plan(@CurrentUser() user: AuthUser, @Param('project') project: string) {
    return this.plans.get(user, project);
  }

  @Roles(Role.Admin, Role.Supervisor)
  @Put('plans/:project')
  updatePlan(@CurrentUser() user: AuthUser, @Param('project') project: string, @Body() dto: UpdatePlanDto) {
    return this.plans.update(user, project, { ...dto.rules });
  }

  /** The caller's own listening queue. */
  @Roles(Role.Inspector, Role.TeamLead, Role.Supervisor, Role.Admin)
  @Get('queue')
  queue(@CurrentUser() user: AuthUser, @Query() q: QueueQueryDto) {
    return this.sampling.queue(user, q.date);
  }

  @Roles(Role.Inspector, Role.TeamLead, Role.Supervisor, Role.Admin)
  @Get('queue/next')
  async next(@CurrentUser() user: AuthUser) {
    return { next: await this.sampling.next(user) } satisfies NextAssignment;
  }

  @Roles(Role.Admin, Role.Supervisor)
  @Patch('assignments/:id')
  reassign(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReassignDto) {
    return this.sampling.reassign(user, id, dto.inspector);
  }

  @Roles(Role.TeamLead)
  @Post('spot-checks')
  spotCheck(@CurrentUser() user: AuthUser, @Body() dto: SpotCheckDto) {
    return this.sampling.spotCheck(user, dto.team, dto.date, dto.count);
  }

  @Roles(Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead)
  @Get('confidence')
  byAgent(@CurrentUser() user: AuthUser, @Query() q: ConfidenceQueryDto) {
    return this.confidence.byAgent(user, q);
  }
}

import { Body, Controller, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Project } from '#shared/api/org.js';
import type { Page } from '#shared/api/page.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { BlindShareDto, CreateProjectDto, DisputeWindowDto, UpdateProjectDto } from './project.dto.js';
import { ProjectsService } from './projects.service.js';
import { IdParam } from '#server/common/id-param.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly service: ProjectsService) {}

  @ApiResult('Page', 'Project')
  @Can('org.project.read')
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<Page<Project>> {
    return this.service.list(user);
  }

  @ApiResult('Project')
  @Can('org.project.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<Project> {
    return this.service.get(user, id);
  }

  @ApiResult('Project')
  @Can('org.project.edit')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateProjectDto): Promise<Project> {
    return this.service.create(user, dto);
  }

  @ApiResult('Project')
  @Can('org.project.edit')
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: UpdateProjectDto): Promise<Project> {
    return this.service.update(user, id, dto);
  }

  /** Issue 15: how many days after submission the project's evaluations may be disputed (1–90). */
  @ApiResult('Project')
  @Can('org.project.disputeWindow')
  @Put(':id/dispute-window')
  disputeWindow(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: DisputeWindowDto): Promise<Project> {
    return this.service.setDisputeWindow(user, id, dto.days);
  }

  /** Issue 15: the share (0–0.5) of each day's daily sampled calls scored blind, from the next sampling run on. */
  @ApiResult('Project')
  @Can('org.project.blindShare')
  @Put(':id/blind-share')
  blindShare(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: BlindShareDto): Promise<Project> {
    return this.service.setBlindShare(user, id, dto.share);
  }
}

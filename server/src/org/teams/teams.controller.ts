import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Team } from '#shared/api/org.js';
import type { Page } from '#shared/api/page.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { CreateTeamDto, TeamQueryDto, UpdateTeamDto } from './team.dto.js';
import { TeamsService } from './teams.service.js';
import { IdParam } from '#server/common/id-param.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('teams')
export class TeamsController {
  constructor(private readonly service: TeamsService) {}

  @ApiResult('Page', 'Team')
  @Can('org.team.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: TeamQueryDto): Promise<Page<Team>> {
    return this.service.list(user, query);
  }

  @ApiResult('Team')
  @Can('org.team.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<Team> {
    return this.service.get(user, id);
  }

  @ApiResult('Team')
  @Can('org.team.edit')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTeamDto): Promise<Team> {
    return this.service.create(user, dto);
  }

  @ApiResult('Team')
  @Can('org.team.edit')
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: UpdateTeamDto): Promise<Team> {
    return this.service.update(user, id, dto);
  }
}

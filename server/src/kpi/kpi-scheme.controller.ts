import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { KpiScheme, KpiSchemeList, PartsUpsertResult } from '#shared/api/kpi.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { IdParam } from '#server/common/id-param.js';
import { ApiNoContent, ApiResult } from '#server/openapi/api-result.js';
import { KpiSchemeBodyDto, KpiSchemeCreateDto, PartsPutDto, ProjectQueryDto } from './kpi.dto.js';
import { KpiSchemeService } from './kpi-scheme.service.js';

/** A project's KPI scheme, versioned (draft → published), and the part values imported for it. */
@ApiTags('kpi')
@ApiBearerAuth()
@Controller('kpi')
export class KpiSchemeController {
  constructor(private readonly schemes: KpiSchemeService) {}

  /** The project's versions, newest first. */
  @ApiResult('KpiSchemeList')
  @Can('kpi.read')
  @Get('schemes')
  list(@CurrentUser() user: AuthUser, @Query() q: ProjectQueryDto): Promise<KpiSchemeList> {
    return this.schemes.list(user, q.project);
  }

  @ApiResult('KpiScheme')
  @Can('kpi.read')
  @Get('schemes/:id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<KpiScheme> {
    return this.schemes.get(user, id);
  }

  @ApiResult('KpiScheme', { status: 201 })
  @Can('kpi.scheme.edit')
  @Post('schemes')
  create(@CurrentUser() user: AuthUser, @Body() dto: KpiSchemeCreateDto): Promise<KpiScheme> {
    const { project, ...body } = dto;
    return this.schemes.createDraft(user, project, body);
  }

  @ApiResult('KpiScheme')
  @Can('kpi.scheme.edit')
  @Put('schemes/:id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: KpiSchemeBodyDto): Promise<KpiScheme> {
    return this.schemes.updateDraft(user, id, dto);
  }

  @ApiResult('KpiScheme')
  @Can('kpi.scheme.edit')
  @Post('schemes/:id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<KpiScheme> {
    return this.schemes.publish(user, id);
  }

  @ApiNoContent('The draft is deleted')
  @Can('kpi.scheme.edit')
  @Delete('schemes/:id')
  @HttpCode(204)
  remove(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<void> {
    return this.schemes.deleteDraft(user, id);
  }

  /** Each agent's value of a part in a quarter, stored or replaced; a bad row answers 400 naming its index, and nothing is stored. */
  @ApiResult('PartsUpsertResult')
  @Can('kpi.operational.write')
  @Put('parts')
  putValues(@CurrentUser() user: AuthUser, @Body() dto: PartsPutDto): Promise<PartsUpsertResult> {
    return this.schemes.putValues(user, dto.rows);
  }
}

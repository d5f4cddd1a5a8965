import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { type ChecklistDryRun, type ChecklistVersion, DRY_RUN_MAX_CALLS_LIMIT } from '#shared/api/checklists.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiNoContent, ApiResult } from '#server/openapi/api-result.js';
import { ChecklistsService } from './checklists.service.js';
import { DryRunService } from './dry-run.service.js';
import { IdParam } from '#server/common/id-param.js';

class CreateDraftDto {
  /** The version to copy; the active one when absent. */
  @IsOptional()
  @IsUUID()
  basedOn?: string;
}

class UpdateDraftDto {
  /** Checked item by item by validateChecklist (shared/), which names each bad field. */
  @IsArray()
  sections!: unknown[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

class DryRunQueryDto {
  /** Project code: the calls of this project. */
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  project!: string;

  /** At most this many calls, the newest (DRY_RUN_MAX_CALLS when absent). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DRY_RUN_MAX_CALLS_LIMIT)
  maxCalls?: number;
}

@ApiTags('checklists')
@ApiBearerAuth()
@Controller('checklists')
export class ChecklistsController {
  constructor(
    private readonly service: ChecklistsService,
    private readonly dryRuns: DryRunService,
  ) {}

  /** CONTRACT.md "Checklists": the version new evaluations use. */
  @ApiResult('ChecklistVersion')
  @Can('checklist.read')
  @Get('active')
  active(): Promise<ChecklistVersion> {
    return this.service.active();
  }

  @ApiResult('Page', 'ChecklistSummary')
  @Can('checklist.read')
  @Get()
  list() {
    return this.service.list();
  }

  @ApiResult('ChecklistVersion')
  @Can('checklist.read')
  @Get(':id')
  get(@IdParam() id: string): Promise<ChecklistVersion> {
    return this.service.get(id);
  }

  /**
   * Issue 17: what publishing this draft would flip, per rule, over the project's calls with
   * transcripts of the last 7 days (at most `maxCalls`, the newest). 409 VERSION_PUBLISHED for a
   * published version.
   */
  @ApiResult('ChecklistDryRun')
  @Can('checklist.publish')
  @Get(':id/dry-run')
  dryRun(@CurrentUser() user: AuthUser, @IdParam() id: string, @Query() query: DryRunQueryDto): Promise<ChecklistDryRun> {
    return this.dryRuns.dryRun(user, id, query);
  }

  @ApiResult('ChecklistVersion')
  @Can('checklist.edit')
  @Post()
  createDraft(@CurrentUser() user: AuthUser, @Body() dto: CreateDraftDto): Promise<ChecklistVersion> {
    return this.service.createDraft(user, dto.basedOn);
  }

  @ApiResult('ChecklistVersion')
  @Can('checklist.edit')
  @Put(':id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: UpdateDraftDto): Promise<ChecklistVersion> {
    return this.service.updateDraft(user, id, dto.sections, dto.note);
  }

  @ApiResult('ChecklistVersion')
  @Can('checklist.publish')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<ChecklistVersion> {
    return this.service.publish(user, id);
  }

  @ApiNoContent('The draft is deleted')
  @Can('checklist.edit')
  @Delete(':id')
  @HttpCode(204)
  discard(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<void> {
    return this.service.deleteDraft(user, id);
  }
}

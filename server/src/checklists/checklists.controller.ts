import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { ChecklistVersion } from '../../../shared/src/api/checklists.js';
import { Role } from '../../../shared/src/org.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ChecklistsService, toChecklistDto } from './checklists.service.js';

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

const READERS = [Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead];
const EDITORS = [Role.Admin, Role.Supervisor];

@ApiTags('checklists')
@ApiBearerAuth()
@Controller('checklists')
export class ChecklistsController {
  constructor(private readonly service: ChecklistsService) {}

  /** CONTRACT.md "Checklists": the version new evaluations use. */
  @Roles(...READERS)
  @Get('active')
  active(): Promise<ChecklistVersion> {
    return this.service.active();
  }

  @Roles(...READERS)
  @Get()
  list() {
    return this.service.list();
  }

  @Roles(...READERS)
  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<ChecklistVersion> {
    return toChecklistDto(await this.service.get(id));
  }

  @Roles(...EDITORS)
  @Post()
  createDraft(@CurrentUser() user: AuthUser, @Body() dto: CreateDraftDto): Promise<ChecklistVersion> {
    return this.service.createDraft(user, dto.basedOn);
  }

  @Roles(...EDITORS)
  @Put(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateDraftDto): Promise<ChecklistVersion> {
    return this.service.updateDraft(user, id, dto.sections, dto.note);
  }

  @Roles(...EDITORS)
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ChecklistVersion> {
    return this.service.publish(user, id);
  }

  @Roles(...EDITORS)
  @Delete(':id')
  @HttpCode(204)
  discard(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.service.deleteDraft(user, id);
  }
}

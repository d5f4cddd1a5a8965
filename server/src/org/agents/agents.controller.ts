import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Role } from '../../../../shared/src/org.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import type { Page } from '../../common/pagination.dto.js';
import { AgentQueryDto, type AgentResponseDto, CreateAgentDto, UpdateAgentDto } from './agent.dto.js';
import { AgentsService } from './agents.service.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('agents')
export class AgentsController {
  constructor(private readonly service: AgentsService) {}

  @Roles(Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead)
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: AgentQueryDto): Promise<Page<AgentResponseDto>> {
    return this.service.list(user, query);
  }

  @Roles(Role.Admin, Role.Supervisor, Role.Inspector, Role.TeamLead)
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<AgentResponseDto> {
    return this.service.get(user, id);
  }

  @Roles(Role.Admin, Role.Supervisor)
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAgentDto): Promise<AgentResponseDto> {
    return this.service.create(user, dto);
  }

  @Roles(Role.Admin, Role.Supervisor)
  @ApiConsumes('multipart/form-data')
  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 10 * 1024 * 1024, files: 1 } }))
  import(@CurrentUser() user: AuthUser, @UploadedFile() file?: { buffer: Buffer }): Promise<{ created: number; updated: number }> {
    return this.service.importSheet(user, file?.buffer);
  }

  @Roles(Role.Admin, Role.Supervisor)
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateAgentDto): Promise<AgentResponseDto> {
    return this.service.update(user, id, dto);
  }
}

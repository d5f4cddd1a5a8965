import { Body, Controller, Get, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Agent, AgentImportResult } from '#shared/api/org.js';
import type { Page } from '#shared/api/page.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { AgentQueryDto, CreateAgentDto, UpdateAgentDto } from './agent.dto.js';
import { AgentsService } from './agents.service.js';
import { IdParam } from '#server/common/id-param.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('agents')
export class AgentsController {
  constructor(private readonly service: AgentsService) {}

  @ApiResult('Page', 'Agent')
  @Can('org.agent.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: AgentQueryDto): Promise<Page<Agent>> {
    return this.service.list(user, query);
  }

  @ApiResult('Agent')
  @Can('org.agent.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<Agent> {
    return this.service.get(user, id);
  }

  @ApiResult('Agent')
  @Can('org.agent.edit')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateAgentDto): Promise<Agent> {
    return this.service.create(user, dto);
  }

  @ApiResult('AgentImportResult')
  @Can('org.agent.edit')
  @ApiConsumes('multipart/form-data')
  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 10 * 1024 * 1024, files: 1 } }))
  import(@CurrentUser() user: AuthUser, @UploadedFile() file?: { buffer: Buffer }): Promise<AgentImportResult> {
    return this.service.importSheet(user, file?.buffer);
  }

  @ApiResult('Agent')
  @Can('org.agent.edit')
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: UpdateAgentDto): Promise<Agent> {
    return this.service.update(user, id, dto);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Evaluation } from '#shared/api/evaluations.js';
import type { Page } from '#shared/api/page.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { AmendDto, CreateEvaluationDto, EvaluationQueryDto, SaveDraftDto, StartDraftDto, SubmitDto } from './evaluation.dto.js';
import { EvaluationQueryService } from './evaluation-query.service.js';
import { EvaluationsService } from './evaluations.service.js';
import { IdParam } from '#server/common/id-param.js';
import { headerStyleOf } from '#server/common/spreadsheet.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('evaluations')
export class EvaluationsController {
  constructor(
    private readonly service: EvaluationsService,
    private readonly query: EvaluationQueryService,
  ) {}

  /** CONTRACT.md: a finished evaluation in one call, scored by the server. */
  @ApiResult('Evaluation')
  @Can('evaluation.score')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateEvaluationDto): Promise<Evaluation> {
    return this.service.create(user, dto);
  }

  /** CONTRACT.md: submitted evaluations, or with format=xlsx|csv the same rows as a download. */
  @ApiResult('Page', 'Evaluation', { downloads: [XLSX, 'text/csv'], description: 'The rows as JSON, or with format=xlsx or format=csv as a file' })
  @Can('evaluation.read')
  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Query() q: EvaluationQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Page<Evaluation> | undefined> {
    if (!q.format) return this.query.list(user, q);
    const file = await this.query.export(user, q, undefined, headerStyleOf(q, acceptLanguage));
    res.set({ 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"` });
    res.send(file.body);
    return undefined;
  }

  @ApiResult('Evaluation')
  @Can('evaluation.score')
  @Post('drafts')
  startDraft(@CurrentUser() user: AuthUser, @Body() dto: StartDraftDto): Promise<Evaluation> {
    return this.service.startDraft(user, dto);
  }

  @ApiResult('Evaluation')
  @Can('evaluation.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<Evaluation> {
    return this.service.get(user, id);
  }

  @ApiResult('EvaluationHistoryEntry', { isArray: true })
  @Can('evaluation.read')
  @Get(':id/history')
  history(@CurrentUser() user: AuthUser, @IdParam() id: string) {
    return this.service.historyOf(user, id);
  }

  @ApiResult('Evaluation')
  @Can('evaluation.score')
  @Put(':id')
  save(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: SaveDraftDto): Promise<Evaluation> {
    return this.service.saveDraft(user, id, dto);
  }

  @ApiResult('Evaluation')
  @Can('evaluation.score')
  @Post(':id/submit')
  @HttpCode(200)
  submit(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: SubmitDto): Promise<Evaluation> {
    return this.service.submit(user, id, dto.revision);
  }

  @ApiResult('Evaluation')
  @Can('evaluation.amend')
  @Post(':id/amend')
  @HttpCode(200)
  amend(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: AmendDto): Promise<Evaluation> {
    return this.service.amend(user, id, dto);
  }
}

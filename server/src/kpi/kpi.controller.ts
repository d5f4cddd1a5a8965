import { Body, Controller, Get, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { GradeTable, GradeTableList, GradingRequest, KpiGrades, OperationalImportResult, OperationalUpsertResult } from '#shared/api/kpi.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { GradeTableDto, GradingRequestDto, KpiGradesQueryDto, OperationalPutDto } from './kpi.dto.js';
import { KpiService } from './kpi.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('kpi')
@ApiBearerAuth()
@Controller('kpi')
export class KpiController {
  constructor(private readonly kpi: KpiService) {}

  /** CONTRACT.md: stored or replaced per agent and date; a bad row answers 400 naming its index, and nothing is stored. */
  @ApiResult('OperationalUpsertResult')
  @Can('kpi.operational.write')
  @Put('operational')
  putOperational(@CurrentUser() user: AuthUser, @Body() dto: OperationalPutDto): Promise<OperationalUpsertResult> {
    return this.kpi.putOperational(user, dto.rows);
  }

  /** CONTRACT.md: the project's agents in the quarter; with format=xlsx the review as a workbook. */
  @ApiResult('KpiGrades', { downloads: [XLSX], description: 'The review as JSON, or with format=xlsx as a workbook' })
  @Can('kpi.read')
  @Get('grades')
  async grades(@CurrentUser() user: AuthUser, @Query() q: KpiGradesQueryDto, @Res({ passthrough: true }) res: Response): Promise<KpiGrades | undefined> {
    if (!q.format) return this.kpi.grades(user, q);
    const file = await this.kpi.exportGrades(user, q);
    res.set({ 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="${file.filename}"` });
    res.send(file.body);
    return undefined;
  }

  /** Every version of the grade table, the built-in one (version 0) last. */
  @ApiResult('GradeTableList')
  @Can('kpi.read')
  @Get('grade-tables')
  gradeTables(): Promise<GradeTableList> {
    return this.kpi.gradeTables();
  }

  /** The table from a coming quarter on. */
  @ApiResult('GradeTable', { status: 201 })
  @Can('kpi.gradeTable.edit')
  @Post('grade-tables')
  setGradeTable(@CurrentUser() user: AuthUser, @Body() dto: GradeTableDto): Promise<GradeTable> {
    return this.kpi.setGradeTable(user, dto);
  }

  /** The same rows as `PUT operational` from a CSV (UTF-8 or GB18030, Chinese headings) or XLSX sheet: all or nothing, problems by line. */
  @ApiResult('OperationalImportResult', { status: 201 })
  @Can('kpi.operational.write')
  @ApiConsumes('multipart/form-data')
  @Post('operational/import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 10 * 1024 * 1024, files: 1 } }))
  importSheet(@CurrentUser() user: AuthUser, @UploadedFile() file?: { buffer: Buffer }): Promise<OperationalImportResult> {
    return this.kpi.importSheet(user, file?.buffer);
  }

  /** One more call of the agent in the coming daily sampling runs, with reason `grading`. */
  @ApiResult('GradingRequest', { status: 201 })
  @Can('kpi.requestCalls')
  @Post('grading-requests')
  requestCalls(@CurrentUser() user: AuthUser, @Body() dto: GradingRequestDto): Promise<GradingRequest> {
    return this.kpi.requestCalls(user, dto);
  }
}

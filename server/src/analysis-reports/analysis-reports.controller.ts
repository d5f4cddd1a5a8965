import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AnalysisReport, AnalysisReportSummary, UnreadReports } from '#shared/api/analysis-reports.js';
import type { Page } from '#shared/api/page.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { IdParam } from '#server/common/id-param.js';
import { headerStyleOf, XLSX_TYPE } from '#server/common/spreadsheet.js';
import { SpreadsheetQueryDto } from '#server/common/spreadsheet.dto.js';
import { ApiFileResult, ApiResult } from '#server/openapi/api-result.js';
import { GenerateReportDto, ReportListQueryDto } from './analysis-report.dto.js';
import { reportFilename, reportXlsx } from './analysis-report-xlsx.js';
import { AnalysisReportsService } from './analysis-reports.service.js';

@ApiTags('analysis-reports')
@ApiBearerAuth()
@Controller('analysis-reports')
export class AnalysisReportsController {
  constructor(private readonly service: AnalysisReportsService) {}

  /** Reports of the caller's projects, newest period first; the unpublished ones only to who makes them. */
  @ApiResult('Page', 'AnalysisReportSummary')
  @Can('report.analysis.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ReportListQueryDto): Promise<Page<AnalysisReportSummary>> {
    return this.service.list(user, q);
  }

  /** Published reports of the caller's teams he has not opened yet (for his home page). */
  @ApiResult('UnreadReports')
  @Can('report.analysis.read')
  @Get('unread')
  unread(@CurrentUser() user: AuthUser): Promise<UnreadReports> {
    return this.service.unread(user);
  }

  /** Makes the day's, week's or month's report now (or remakes it, while unpublished). */
  @ApiResult('AnalysisReport', { status: 201 })
  @Can('report.analysis.generate')
  @Post()
  generate(@CurrentUser() user: AuthUser, @Body() dto: GenerateReportDto): Promise<AnalysisReport> {
    return this.service.generate(user, dto);
  }

  /** The report, limited to the caller's teams; opening a published one marks it read. */
  @ApiResult('AnalysisReport')
  @Can('report.analysis.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<AnalysisReport> {
    return this.service.get(user, id);
  }

  @ApiFileResult([XLSX_TYPE], { status: 200, description: 'The report as a workbook, limited to the caller’s teams' })
  @Can('report.analysis.read')
  @Get(':id/xlsx')
  async xlsx(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() q: SpreadsheetQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const report = await this.service.get(user, id);
    const style = headerStyleOf(q, acceptLanguage);
    res.set({ 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="${reportFilename(report)}"`, 'Cache-Control': 'private, no-store' });
    res.send(await reportXlsx(report, style));
  }

  /** Publishes the report to the teams (11.10): once. */
  @ApiResult('AnalysisReport')
  @Can('report.analysis.publish')
  @Post(':id/publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<AnalysisReport> {
    return this.service.publish(user, id);
  }
}

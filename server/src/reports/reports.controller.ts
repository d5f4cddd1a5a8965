import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { ProblemPlanDto, ProblemSettingsDto, ProblemSettingsQueryDto, ProblemsQueryDto, SummaryQueryDto } from './reports.dto.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** CONTRACT.md "Follow-up": common (共性) and individual (个性) problems per team. */
  @ApiResult('ProblemsReport')
  @Can('report.problems')
  @Get('problems')
  problems(@CurrentUser() user: AuthUser, @Query() q: ProblemsQueryDto) {
    return this.reports.problems(user, q);
  }

  /** CONTRACT.md "Reports for other systems": the period's evaluations and machine verdicts in figures. */
  @ApiResult('ReportSummary')
  @Can('report.summary')
  @Get('summary')
  summary(@CurrentUser() user: AuthUser, @Query() q: SummaryQueryDto) {
    return this.reports.summary(user, q);
  }

  @ApiResult('ProblemSettings')
  @Can('report.problems')
  @Get('problems/settings')
  settings(@CurrentUser() user: AuthUser, @Query() q: ProblemSettingsQueryDto) {
    return this.reports.settings(user, q.project);
  }

  @ApiResult('ProblemSettings')
  @Can('report.problemSettings')
  @Put('problems/settings')
  saveSettings(@CurrentUser() user: AuthUser, @Body() dto: ProblemSettingsDto) {
    return this.reports.saveSettings(user, dto.project, { minAgents: dto.minAgents, minShare: dto.minShare });
  }

  /** The improvement plan of a team's common problem for one week or month. */
  @ApiResult('ProblemPlan')
  @Can('report.problemPlan')
  @Put('problems/plans')
  savePlan(@CurrentUser() user: AuthUser, @Body() dto: ProblemPlanDto) {
    return this.reports.savePlan(user, dto);
  }
}

import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import {
  InspectorConsistencyQueryDto,
  InspectorsQueryDto,
  ProblemPlanDto,
  ProblemSettingsDto,
  ProblemSettingsQueryDto,
  ProblemsQueryDto,
  SummaryQueryDto,
  TeamAgentsQueryDto,
  TeamsQueryDto,
  TrendQueryDto,
} from './reports.dto.js';
import { ConsistencyService } from './consistency.service.js';
import { ReportsService } from './reports.service.js';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly consistency: ConsistencyService,
  ) {}

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

  /** The dashboard's mean score and fatal share per day, week or month, with 95 % intervals. */
  @ApiResult('ScoreTrend')
  @Can('report.summary')
  @Get('trend')
  trend(@CurrentUser() user: AuthUser, @Query() q: TrendQueryDto) {
    return this.reports.trend(user, q);
  }

  /** The project's teams side by side. */
  @ApiResult('TeamsFigures')
  @Can('report.summary')
  @Get('teams')
  teams(@CurrentUser() user: AuthUser, @Query() q: TeamsQueryDto) {
    return this.reports.teams(user, q);
  }

  /** One team's agents ranked. */
  @ApiResult('TeamAgentsFigures')
  @Can('report.summary')
  @Get('team-agents')
  teamAgents(@CurrentUser() user: AuthUser, @Query() q: TeamAgentsQueryDto) {
    return this.reports.teamAgents(user, q);
  }

  /** The inspectors' own work side by side. */
  @ApiResult('InspectorsFigures')
  @Can('report.inspectors')
  @Get('inspectors')
  inspectors(@CurrentUser() user: AuthUser, @Query() q: InspectorsQueryDto) {
    return this.reports.inspectors(user, q);
  }

  /** One inspector's consistency: scores against peers on similar calls, amendments, agreement, over time. */
  @ApiResult('InspectorConsistency')
  @Can('report.inspectors')
  @Get('inspector-consistency')
  inspectorConsistency(@CurrentUser() user: AuthUser, @Query() q: InspectorConsistencyQueryDto) {
    return this.consistency.inspector(user, q);
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

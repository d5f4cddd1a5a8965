import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Exam, ExamList, GradeHistory, Promotion, PromotionList, PromotionNotifications } from '#shared/api/kpi.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { IdParam } from '#server/common/id-param.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { AgentQueryDto, DecisionDto, ExamDto, PromotionDto, PromotionListQueryDto } from './kpi.dto.js';
import { PromotionsService } from './promotions.service.js';

@ApiTags('kpi')
@ApiBearerAuth()
@Controller('kpi')
export class PromotionsController {
  constructor(private readonly promotions: PromotionsService) {}

  @ApiResult('Exam', { status: 201 })
  @Can('kpi.exam.record')
  @Post('exams')
  recordExam(@CurrentUser() user: AuthUser, @Body() dto: ExamDto): Promise<Exam> {
    return this.promotions.recordExam(user, dto);
  }

  @ApiResult('ExamList')
  @Can('kpi.read')
  @Get('exams')
  exams(@CurrentUser() user: AuthUser, @Query() q: AgentQueryDto): Promise<ExamList> {
    return this.promotions.exams(user, q.agent);
  }

  @ApiResult('GradeHistory')
  @Can('kpi.read')
  @Get('grade-history')
  gradeHistory(@CurrentUser() user: AuthUser, @Query() q: AgentQueryDto): Promise<GradeHistory> {
    return this.promotions.gradeHistory(user, q.agent);
  }

  /** Applies for the agent's promotion, naming the four approvers in turn. */
  @ApiResult('Promotion', { status: 201 })
  @Can('kpi.promotion.apply')
  @Post('promotions')
  apply(@CurrentUser() user: AuthUser, @Body() dto: PromotionDto): Promise<Promotion> {
    return this.promotions.apply(user, dto);
  }

  @ApiResult('PromotionList')
  @Can('kpi.read')
  @Get('promotions')
  list(@CurrentUser() user: AuthUser, @Query() q: PromotionListQueryDto): Promise<PromotionList> {
    return this.promotions.list(user, { status: q.status, mine: q.mine === 'true', agent: q.agent });
  }

  /** For the home page: the applications waiting for the caller's step, and his recently decided ones. */
  @ApiResult('PromotionNotifications')
  @Can('kpi.read')
  @Get('promotions/notifications')
  notifications(@CurrentUser() user: AuthUser): Promise<PromotionNotifications> {
    return this.promotions.notifications(user);
  }

  @ApiResult('Promotion')
  @Can('kpi.read')
  @Get('promotions/:id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<Promotion> {
    return this.promotions.get(user, id);
  }

  @ApiResult('Promotion', { status: 201 })
  @Can('kpi.promotion.approve')
  @Post('promotions/:id/approve')
  approve(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: DecisionDto): Promise<Promotion> {
    return this.promotions.decide(user, id, 'approve', dto.comment);
  }

  @ApiResult('Promotion', { status: 201 })
  @Can('kpi.promotion.approve')
  @Post('promotions/:id/reject')
  reject(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: DecisionDto): Promise<Promotion> {
    return this.promotions.decide(user, id, 'reject', dto.comment);
  }
}

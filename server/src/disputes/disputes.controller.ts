import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Dispute, DisputeList, DisputeSummary, EvaluationDisputeState, EvaluationToAcknowledgeList } from '#shared/api/disputes.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { AnswerDisputeDto, DisputeListQueryDto, DisputeSummaryQueryDto, EscalateDisputeDto, RaiseDisputeDto, RuleDisputeDto } from './dispute.dto.js';
import { DisputesService } from './disputes.service.js';

/** Issue 15: disputes, as the inspector answers them, the lead escalates them and the supervisor rules them. */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('disputes')
export class DisputesController {
  constructor(private readonly disputes: DisputesService) {}

  /** Newest first: an inspector's own evaluations', a lead's teams', a supervisor's projects'. */
  @ApiResult('DisputeList')
  @Can('dispute.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: DisputeListQueryDto): Promise<DisputeList> {
    return this.disputes.list(user, q);
  }

  /** Disputed items raised from `from` to `to` by item, inspector and team, with the upheld rate. */
  @ApiResult('DisputeSummary')
  @Can('dispute.read')
  @Get('summary')
  summary(@CurrentUser() user: AuthUser, @Query() q: DisputeSummaryQueryDto): Promise<DisputeSummary> {
    return this.disputes.summary(user, q);
  }

  /** A lead's worklist: evaluations of his teams to accept or dispute while their window is open. */
  @ApiResult('EvaluationToAcknowledgeList')
  @Can('dispute.raise')
  @Get('to-acknowledge')
  toAcknowledge(@CurrentUser() user: AuthUser): Promise<EvaluationToAcknowledgeList> {
    return this.disputes.toAcknowledge(user);
  }

  /** The dispute with every step. */
  @ApiResult('Dispute')
  @Can('dispute.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<Dispute> {
    return this.disputes.get(user, id);
  }

  /** The evaluation's inspector accepts (the item is amended) or rejects each item: 403 DISPUTE_NOT_YOURS to anyone else. */
  @ApiResult('Dispute', { status: 201 })
  @Can('dispute.answer')
  @Post(':id/answer')
  answer(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AnswerDisputeDto): Promise<Dispute> {
    return this.disputes.answer(user, id, dto);
  }

  /** The lead sends the rejected items to the supervisor: once (409 DISPUTE_STATE). */
  @ApiResult('Dispute', { status: 201 })
  @Can('dispute.raise')
  @Post(':id/escalate')
  escalate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: EscalateDisputeDto): Promise<Dispute> {
    return this.disputes.escalate(user, id, dto.reason);
  }

  /** The supervisor's final ruling on each escalated item. */
  @ApiResult('Dispute', { status: 201 })
  @Can('dispute.rule')
  @Post(':id/ruling')
  rule(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RuleDisputeDto): Promise<Dispute> {
    return this.disputes.rule(user, id, dto);
  }
}

/** Issue 15 on the evaluation: its acceptance or dispute. */
@ApiTags('disputes')
@ApiBearerAuth()
@Controller('evaluations')
export class EvaluationDisputesController {
  constructor(private readonly disputes: DisputesService) {}

  /** Its window, acceptance and dispute (with steps). */
  @ApiResult('EvaluationDisputeState')
  @Can('dispute.read')
  @Get(':id/dispute')
  state(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<EvaluationDisputeState> {
    return this.disputes.stateOf(user, id);
  }

  /** The team lead accepts the evaluation for the agent: once (409 EVALUATION_ACKNOWLEDGED). */
  @ApiResult('EvaluationDisputeState', { status: 201 })
  @Can('dispute.raise')
  @Post(':id/acknowledge')
  acknowledge(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<EvaluationDisputeState> {
    return this.disputes.acknowledge(user, id);
  }

  /** The team lead disputes failed items with a reason, within the project's window. */
  @ApiResult('Dispute', { status: 201 })
  @Can('dispute.raise')
  @Post(':id/disputes')
  raise(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RaiseDisputeDto): Promise<Dispute> {
    return this.disputes.raise(user, id, dto);
  }
}

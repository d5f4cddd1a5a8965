import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiFileResult, ApiResult } from '#server/openapi/api-result.js';
import { AcknowledgeNoticeDto, IssueNoticeDto, NoticeListQueryDto, NoticeStepDto } from './rectification.dto.js';
import { RectificationService } from './rectification.service.js';

@ApiTags('rectification')
@ApiBearerAuth()
@Controller('rectification-notices')
export class RectificationController {
  constructor(private readonly notices: RectificationService) {}

  /** CONTRACT.md "Follow-up": 201 with `status` `issued`. */
  @ApiResult('RectificationNotice', { status: 201, description: 'The notice issued' })
  @Can('rectification.issue')
  @Post()
  issue(@CurrentUser() user: AuthUser, @Body() dto: IssueNoticeDto) {
    return this.notices.issue(user, dto);
  }

  /** Newest first; a team lead gets his teams' only. */
  @ApiResult('RectificationNoticeList')
  @Can('rectification.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: NoticeListQueryDto) {
    return this.notices.list(user, q);
  }

  @ApiResult('RectificationNotice')
  @Can('rectification.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.notices.get(user, id);
  }

  /** The printable notice: A4, Chinese. */
  @ApiFileResult(['application/pdf'], { status: 200, description: 'The notice as a PDF' })
  @Can('rectification.read')
  @Header('Content-Type', 'application/pdf')
  @Get(':id/pdf')
  async pdf(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    const pdf = await this.notices.pdf(user, id);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `inline; filename="rectification-${id}.pdf"`, length: pdf.length });
  }

  /** The team lead acknowledges with his action plan: 409 RECTIFICATION_STATE unless the notice is issued. */
  @ApiResult('RectificationNotice')
  @Can('rectification.acknowledge')
  @Post(':id/acknowledge')
  acknowledge(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AcknowledgeNoticeDto) {
    return this.notices.acknowledge(user, id, dto);
  }

  /** Re-checking begins now (the daily sampling also starts it from `recheckFrom`). */
  @ApiResult('RectificationNotice')
  @Can('rectification.issue')
  @Post(':id/recheck')
  recheck(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: NoticeStepDto) {
    return this.notices.recheck(user, id, dto);
  }

  /** Closed as proved, from re-checking (or after an escalation). */
  @ApiResult('RectificationNotice')
  @Can('rectification.issue')
  @Post(':id/close')
  close(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: NoticeStepDto) {
    return this.notices.close(user, id, dto);
  }

  /** Escalated to the supervisor (the daily sampling also does it once the deadline has passed). */
  @ApiResult('RectificationNotice')
  @Can('rectification.issue')
  @Post(':id/escalate')
  escalate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: NoticeStepDto) {
    return this.notices.escalate(user, id, dto);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FaqEffect, FaqEntryDetail, FaqInbox, FaqListItem, FaqProposal } from '#shared/api/faq.js';
import type { Response } from 'express';
import type { Page } from '#shared/api/page.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { AcceptsSessionCookie, Can, ClientIp, CurrentUser } from '#server/auth/decorators.js';
import { sendStream } from '#server/common/send-stream.js';
import { ApiFileResult, ApiResult } from '#server/openapi/api-result.js';
import { CreateFaqDto, CreateProposalDto, DecideProposalDto, FaqQueryDto, FaqStepDto, ProposalQueryDto, PublishFaqDto, RetireFaqDto, UpdateFaqDto } from './faq.dto.js';
import { FaqService } from './faq.service.js';

@ApiTags('faq')
@ApiBearerAuth()
@Controller('faq')
export class FaqController {
  constructor(private readonly faq: FaqService) {}

  /** CONTRACT.md "FAQ": published entries containing the text (drafts too for maintainers and supervisors), best match first. */
  @ApiResult('Page', 'FaqListItem')
  @Can('faq.read')
  @Get()
  search(@CurrentUser() user: AuthUser, @Query() q: FaqQueryDto): Promise<Page<FaqListItem>> {
    return this.faq.search(user, q);
  }

  @ApiResult('FaqEntryDetail', { status: 201 })
  @Can('faq.edit')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateFaqDto): Promise<FaqEntryDetail> {
    return this.faq.create(user, dto);
  }

  @ApiResult('FaqEntryDetail')
  @Can('faq.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<FaqEntryDetail> {
    return this.faq.get(user, id);
  }

  /** Changes the working copy (agents keep seeing the published version). */
  @ApiResult('FaqEntryDetail')
  @Can('faq.edit')
  @Put(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateFaqDto): Promise<FaqEntryDetail> {
    return this.faq.update(user, id, dto);
  }

  /** "Did it help?": the failure rates of the items that prompted the entry, before and since publishing. */
  @ApiResult('FaqEffect')
  @Can('faq.effect')
  @Get(':id/effect')
  effect(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<FaqEffect> {
    return this.faq.effect(user, id);
  }

  /** Draft → in review. */
  @ApiResult('FaqEntryDetail')
  @Can('faq.edit')
  @HttpCode(200)
  @Post(':id/submit')
  submit(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: FaqStepDto): Promise<FaqEntryDetail> {
    return this.faq.submit(user, id, dto.revision);
  }

  @ApiResult('FaqEntryDetail')
  @Can('faq.publish')
  @HttpCode(200)
  @Post(':id/publish')
  publish(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: PublishFaqDto): Promise<FaqEntryDetail> {
    return this.faq.publish(user, id, dto);
  }

  @ApiResult('FaqEntryDetail')
  @Can('faq.edit')
  @HttpCode(200)
  @Post(':id/retire')
  retire(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RetireFaqDto): Promise<FaqEntryDetail> {
    return this.faq.retire(user, id, dto);
  }
}

@ApiTags('faq')
@ApiBearerAuth()
@Controller('faq-proposals')
export class FaqProposalsController {
  constructor(private readonly faq: FaqService) {}

  /** An inspector proposes a new entry or a change, from a call's defect. */
  @ApiResult('FaqProposal', { status: 201 })
  @Can('faq.propose')
  @Post()
  propose(@CurrentUser() user: AuthUser, @Body() dto: CreateProposalDto): Promise<FaqProposal> {
    return this.faq.propose(user, dto);
  }

  /** The maintainers' inbox, grouped by gap. */
  @ApiResult('FaqInbox')
  @Can('faq.proposals')
  @Get()
  inbox(@CurrentUser() user: AuthUser, @Query() q: ProposalQueryDto): Promise<FaqInbox> {
    return this.faq.inbox(user, q);
  }

  /** The caller's own proposals and what became of them. */
  @ApiResult('FaqProposal', { isArray: true })
  @Can('faq.propose')
  @Get('mine')
  mine(@CurrentUser() user: AuthUser): Promise<FaqProposal[]> {
    return this.faq.mine(user);
  }

  /** The proposal's call for the maintainers deciding it (an `<audio>` source: the session cookie is accepted, Range honoured). */
  @ApiFileResult(['audio/mpeg', 'audio/wav'], { status: 200, description: 'The whole audio file' })
  @ApiFileResult(['audio/mpeg', 'audio/wav'], { status: 206, description: 'The byte range asked for with a Range header' })
  @Can('faq.proposals')
  @AcceptsSessionCookie()
  @Get(':id/audio')
  async audio(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('range') range: string | undefined,
    @ClientIp() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    const audio = await this.faq.proposalAudio(user, id, range, ip);
    sendStream(res, audio);
  }

  @ApiResult('FaqProposal')
  @Can('faq.proposals')
  @HttpCode(200)
  @Post(':id/accept')
  accept(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideProposalDto): Promise<FaqProposal> {
    return this.faq.accept(user, id, dto);
  }

  @ApiResult('FaqProposal')
  @Can('faq.proposals')
  @HttpCode(200)
  @Post(':id/reject')
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecideProposalDto): Promise<FaqProposal> {
    return this.faq.reject(user, id, dto);
  }
}

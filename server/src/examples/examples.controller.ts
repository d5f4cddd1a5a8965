import { Body, Controller, Delete, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CallExample, CallExampleList, FaqExampleLinks, SharingPresenterList, SharingSession, SharingSessionList } from '#shared/api/examples.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { AcceptsSessionCookie, Can, ClientIp, CurrentUser } from '#server/auth/decorators.js';
import { sendStream } from '#server/common/send-stream.js';
import { ApiFileResult, ApiNoContent, ApiResult } from '#server/openapi/api-result.js';
import {
  CreateExampleDto,
  ExampleContentDto,
  ExampleListQueryDto,
  FaqExampleLinksDto,
  PresenterQueryDto,
  SessionListQueryDto,
  SharingSessionDto,
} from './example.dto.js';
import { ExamplesService } from './examples.service.js';

/** Issue 14 (seed 11.5): scored calls marked as good or bad examples of checklist items. */
@ApiTags('examples')
@ApiBearerAuth()
@Controller('examples')
export class ExamplesController {
  constructor(private readonly examples: ExamplesService) {}

  /** Newest first, within the caller's projects and teams; by project, team, item, tag and kind. */
  @ApiResult('CallExampleList')
  @Can('example.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ExampleListQueryDto): Promise<CallExampleList> {
    return this.examples.list(user, q);
  }

  /** Marks a submitted evaluation's call: 404 unknown evaluation, 409 EVALUATION_NOT_SUBMITTED for a draft. */
  @ApiResult('CallExample', { status: 201 })
  @Can('example.mark')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateExampleDto): Promise<CallExample> {
    return this.examples.create(user, dto);
  }

  @ApiResult('CallExample')
  @Can('example.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CallExample> {
    return this.examples.get(user, id);
  }

  /** Who marked it, or a supervisor (403 EXAMPLE_NOT_YOURS to anyone else). */
  @ApiResult('CallExample')
  @Can('example.mark')
  @Put(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ExampleContentDto): Promise<CallExample> {
    return this.examples.update(user, id, dto);
  }

  @ApiNoContent('The example is removed (and from every session and FAQ entry)')
  @Can('example.mark')
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.examples.remove(user, id);
  }
}

/** Dated sharing sessions: a project's ordered playlist of examples and who presented it. */
@ApiTags('examples')
@ApiBearerAuth()
@Controller('sharing-sessions')
export class SharingSessionsController {
  constructor(private readonly examples: ExamplesService) {}

  /** Newest date first: the sessions of the caller's projects (a team lead's: his teams' projects). */
  @ApiResult('SharingSessionList')
  @Can('example.session.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: SessionListQueryDto): Promise<SharingSessionList> {
    return this.examples.sessions(user, q);
  }

  @ApiResult('SharingSession', { status: 201 })
  @Can('example.session.edit')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: SharingSessionDto): Promise<SharingSession> {
    return this.examples.createSession(user, dto);
  }

  /** Whom a session of the project may name as presenter: active users who open its sessions, by display name. */
  @ApiResult('SharingPresenterList')
  @Can('example.session.edit')
  @Get('presenters')
  presenters(@CurrentUser() user: AuthUser, @Query() q: PresenterQueryDto): Promise<SharingPresenterList> {
    return this.examples.presenters(user, q);
  }

  @ApiResult('SharingSession')
  @Can('example.session.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<SharingSession> {
    return this.examples.session(user, id);
  }

  /** Replaces date, title, presenter and playlist. */
  @ApiResult('SharingSession')
  @Can('example.session.edit')
  @Put(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: SharingSessionDto): Promise<SharingSession> {
    return this.examples.updateSession(user, id, dto);
  }

  @ApiNoContent('The session is removed')
  @Can('example.session.edit')
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.examples.removeSession(user, id);
  }

  /** A call of the session for its audience (an `<audio>` source: the session cookie is accepted, Range honoured); logged as a playback. */
  @ApiFileResult(['audio/mpeg', 'audio/wav'], { status: 200, description: 'The whole audio file' })
  @ApiFileResult(['audio/mpeg', 'audio/wav'], { status: 206, description: 'The byte range asked for with a Range header' })
  @Can('example.session.read')
  @AcceptsSessionCookie()
  @Get(':id/examples/:exampleId/audio')
  async audio(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('exampleId', ParseUUIDPipe) exampleId: string,
    @Headers('range') range: string | undefined,
    @ClientIp() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    sendStream(res, await this.examples.sessionAudio(user, id, exampleId, range, ip));
  }
}

/** The example calls an FAQ entry links as showing the right answer. */
@ApiTags('faq')
@ApiBearerAuth()
@Controller('faq')
export class FaqExamplesController {
  constructor(private readonly examples: ExamplesService) {}

  /** In order: all to who curates the FAQ, else those of the caller's teams. */
  @ApiResult('FaqExampleLinks')
  @Can('faq.read')
  @Get(':id/examples')
  links(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<FaqExampleLinks> {
    return this.examples.faqLinks(user, id);
  }

  /** Replaces the entry's linked examples (400 naming an unknown one). */
  @ApiResult('FaqExampleLinks')
  @Can('faq.edit')
  @Put(':id/examples')
  setLinks(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: FaqExampleLinksDto): Promise<FaqExampleLinks> {
    return this.examples.setFaqLinks(user, id, dto.exampleIds);
  }

  /** A linked call, played from the entry page; logged as a playback. */
  @ApiFileResult(['audio/mpeg', 'audio/wav'], { status: 200, description: 'The whole audio file' })
  @ApiFileResult(['audio/mpeg', 'audio/wav'], { status: 206, description: 'The byte range asked for with a Range header' })
  @Can('faq.read')
  @AcceptsSessionCookie()
  @Get(':id/examples/:exampleId/audio')
  async audio(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('exampleId', ParseUUIDPipe) exampleId: string,
    @Headers('range') range: string | undefined,
    @ClientIp() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    sendStream(res, await this.examples.faqAudio(user, id, exampleId, range, ip));
  }
}

/** Examples an FAQ curator may link to an entry: every example of the centre, masked. */
@ApiTags('faq')
@ApiBearerAuth()
@Controller('faq-examples')
export class FaqExampleCandidatesController {
  constructor(private readonly examples: ExamplesService) {}

  @ApiResult('CallExampleList')
  @Can('faq.edit')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ExampleListQueryDto): Promise<CallExampleList> {
    return this.examples.faqCandidates(user, q);
  }
}

import { Body, Controller, Get, Headers, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { Response } from 'express';
import type { Page } from '#shared/api/page.js';
import type { AccessLogEntry, NumberSearchEntry, RecordingDetail, RecordingSummary } from '#shared/api/recordings.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { AcceptsSessionCookie, Can, ClientIp, CurrentUser } from '#server/auth/decorators.js';
import { PageQueryDto } from '#server/common/pagination.dto.js';
import { sendStream } from '#server/common/send-stream.js';
import { ApiFileResult, ApiResult } from '#server/openapi/api-result.js';
import { RecordingQueryDto } from './recording.dto.js';
import { RecordingAccessService } from './recording-access.service.js';
import { RecordingsService } from './recordings.service.js';
import { IdParam } from '#server/common/id-param.js';

/** What `GET /api/recordings/:id/audio` streams: the stored file as it came in. */
const AUDIO_TYPES = ['audio/mpeg', 'audio/wav'];

class AccessLogQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  recordingId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;
}

class NumberSearchQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  username?: string;
}

class AudioQueryDto {
  @IsOptional()
  @Type(() => String)
  download?: string;
}

@ApiTags('recordings')
@ApiBearerAuth()
@Controller('recordings')
export class RecordingsController {
  constructor(
    private readonly service: RecordingsService,
    private readonly access: RecordingAccessService,
  ) {}

  /** CONTRACT.md "Recordings in": 201 for a new call, 200 for an externalId already stored. */
  @ApiResult('RecordingDetail', { status: 201, description: 'A new call, stored' })
  @ApiResult('RecordingDetail', { status: 200, description: 'The call already stored under this externalId; nothing new is stored' })
  @Can('recording.ingest')
  @ApiConsumes('multipart/form-data')
  @Post()
  @UseInterceptors(FileInterceptor('audio'))
  async ingest(
    @CurrentUser() user: AuthUser,
    @UploadedFile() audio: { buffer: Buffer } | undefined,
    @Body() body: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecordingDetail> {
    const result = await this.service.ingest(user, audio?.buffer, body?.metadata, body?.transcript);
    res.status(result.created ? 201 : 200);
    return result.recording;
  }

  @ApiResult('Page', 'RecordingSummary')
  @Can('recording.read')
  @Get()
  search(@CurrentUser() user: AuthUser, @Query() query: RecordingQueryDto, @ClientIp() ip: string): Promise<Page<RecordingSummary>> {
    return this.service.search(user, query, ip);
  }

  /** Every search by customer number, answered or refused, newest first (issue 11 finding 4). */
  @ApiResult('Page', 'NumberSearchEntry')
  @Can('recording.accessLog')
  @Get('number-searches')
  numberSearches(@Query() query: NumberSearchQueryDto): Promise<Page<NumberSearchEntry>> {
    return this.access.numberSearchLog(query);
  }

  @ApiResult('Page', 'AccessLogEntry')
  @Can('recording.accessLog')
  @Get('access-log')
  accessLog(@CurrentUser() user: AuthUser, @Query() query: AccessLogQueryDto): Promise<Page<AccessLogEntry>> {
    return this.access.log(user, query);
  }

  @ApiResult('RecordingDetail')
  @Can('recording.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<RecordingDetail> {
    return this.service.get(user, id);
  }

  @ApiResult('WaveformPeaks')
  @Can('recording.read')
  @Get(':id/peaks')
  peaks(@CurrentUser() user: AuthUser, @IdParam() id: string) {
    return this.service.peaks(user, id);
  }

  @ApiFileResult(AUDIO_TYPES, { status: 200, description: 'The whole audio file' })
  @ApiFileResult(AUDIO_TYPES, { status: 206, description: 'The byte range asked for with a Range header' })
  @Can('recording.read')
  @AcceptsSessionCookie()
  @Get(':id/audio')
  async audio(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: AudioQueryDto,
    @Headers('range') range: string | undefined,
    @ClientIp() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    const audio = await this.access.audio(user, id, range, query.download === '1' || query.download === 'true', ip);
    sendStream(res, audio);
  }

  @ApiResult('RecordingDetail')
  @Can('recording.ingest')
  @Put(':id/transcript')
  transcript(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() body: Record<string, unknown>): Promise<RecordingDetail> {
    return this.service.replaceTranscript(user, id, body);
  }
}

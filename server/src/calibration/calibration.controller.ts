import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CalibrationSession, CalibrationSessionList, CalibrationToScoreList } from '#shared/api/calibration.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { CalibrationListQueryDto, CreateCalibrationSessionDto, GuidanceDto } from './calibration.dto.js';
import { CalibrationService } from './calibration.service.js';

/** Issue 15: calibration sessions, scored blind, revealed side by side, their guidance written into the checklist. */
@ApiTags('calibration')
@ApiBearerAuth()
@Controller('calibration-sessions')
export class CalibrationController {
  constructor(private readonly calibration: CalibrationService) {}

  /** Newest first: a supervisor's of his projects, an inspector's those he takes part in; by status (`ready`: ready to reveal). */
  @ApiResult('CalibrationSessionList')
  @Can('calibration.read')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: CalibrationListQueryDto): Promise<CalibrationSessionList> {
    return this.calibration.list(user, q);
  }

  /** The caller's calls still to score in sessions not yet revealed. */
  @ApiResult('CalibrationToScoreList')
  @Can('calibration.read')
  @Get('to-score')
  toScore(@CurrentUser() user: AuthUser): Promise<CalibrationToScoreList> {
    return this.calibration.toScore(user);
  }

  /** Calls of one project in the caller's scope, the inspectors taking part, maybe an expert, a deadline. */
  @ApiResult('CalibrationSession', { status: 201 })
  @Can('calibration.manage')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCalibrationSessionDto): Promise<CalibrationSession> {
    return this.calibration.create(user, dto);
  }

  /** Progress; after the reveal the results and guidance. */
  @ApiResult('CalibrationSession')
  @Can('calibration.read')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CalibrationSession> {
    return this.calibration.get(user, id);
  }

  /** Once (409 CALIBRATION_STATE). */
  @ApiResult('CalibrationSession')
  @Can('calibration.manage')
  @Post(':id/reveal')
  @HttpCode(200)
  reveal(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<CalibrationSession> {
    return this.calibration.reveal(user, id);
  }

  /** After the reveal: each item's guidance, written into the next checklist draft as its scoring note. */
  @ApiResult('CalibrationSession')
  @Can('calibration.manage')
  @Put(':id/guidance')
  guidance(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: GuidanceDto): Promise<CalibrationSession> {
    return this.calibration.writeGuidance(user, id, dto);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ExportRequest } from '#shared/api/exports.js';
import type { Page } from '#shared/api/page.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { IdParam } from '#server/common/id-param.js';
import { headerStyleOf } from '#server/common/spreadsheet.js';
import { SpreadsheetQueryDto } from '#server/common/spreadsheet.dto.js';
import { ApiFileResult, ApiResult } from '#server/openapi/api-result.js';
import { CreateExportRequestDto, ExportRequestQueryDto, RefuseExportDto } from './exports.dto.js';
import { ExportsService } from './exports.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  constructor(private readonly service: ExportsService) {}

  @ApiResult('ExportRequest', { status: 201 })
  @Can('export.request')
  @Post()
  request(@CurrentUser() user: AuthUser, @Body() dto: CreateExportRequestDto): Promise<ExportRequest> {
    return this.service.request(user, dto);
  }

  /** A requester's own requests; an approver's, those of his projects (`status=pending` for the queue). */
  @ApiResult('Page', 'ExportRequest')
  @Can('session.own')
  @Get()
  list(@CurrentUser() user: AuthUser, @Query() q: ExportRequestQueryDto): Promise<Page<ExportRequest>> {
    return this.service.list(user, q);
  }

  @ApiResult('ExportRequest')
  @Can('export.approve')
  @Post(':id/approve')
  @HttpCode(200)
  approve(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<ExportRequest> {
    return this.service.approve(user, id);
  }

  @ApiResult('ExportRequest')
  @Can('export.approve')
  @Post(':id/refuse')
  @HttpCode(200)
  refuse(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: RefuseExportDto): Promise<ExportRequest> {
    return this.service.refuse(user, id, dto.reason);
  }

  @ApiFileResult([XLSX, 'text/csv'], { status: 200, description: 'The approved export, once' })
  @Can('export.request')
  @Get(':id/download')
  async download(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() q: SpreadsheetQueryDto,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.service.download(user, id, headerStyleOf(q, acceptLanguage));
    res.set({ 'Content-Type': file.contentType, 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'private, no-store' });
    res.send(file.body);
  }
}

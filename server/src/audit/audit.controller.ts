import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuditLogEntry } from '#shared/api/audit.js';
import type { Page } from '#shared/api/page.js';
import { Can } from '#server/auth/decorators.js';
import { PageQueryDto } from '#server/common/pagination.dto.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { AuditService } from './audit.service.js';

class AuditQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @ApiResult('Page', 'AuditLogEntry')
  @Can('audit.read')
  @Get()
  list(@Query() q: AuditQueryDto): Promise<Page<AuditLogEntry>> {
    return this.audit.list(q.page, q.pageSize, q.action);
  }
}

import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Role } from '../../../shared/src/org.js';
import { Roles } from '../auth/decorators.js';
import { PageQueryDto } from '../common/pagination.dto.js';
import { type AuditLogPage, AuditService } from './audit.service.js';

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

  @Roles(Role.Admin)
  @Get()
  list(@Query() q: AuditQueryDto): Promise<AuditLogPage> {
    return this.audit.list(q.page, q.pageSize, q.action);
  }
}

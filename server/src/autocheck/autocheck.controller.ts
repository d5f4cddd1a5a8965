import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString } from 'class-validator';
import type { AutoChecks } from '#shared/api/autocheck.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { IsLocalDate } from '#server/common/local-date.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { AgreementService } from './agreement.service.js';
import { AutocheckService } from './autocheck.service.js';
import { IdParam } from '#server/common/id-param.js';

class AgreementQueryDto {
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @IsOptional()
  @IsLocalDate()
  to?: string;

  /** A project code, or `ALL` for every project in the caller's scope; every team he sees by default. */
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: 'project must not be empty' })
  project?: string;
}

@ApiTags('autocheck')
@ApiBearerAuth()
@Controller()
export class AutocheckController {
  constructor(
    private readonly service: AutocheckService,
    private readonly agreement: AgreementService,
  ) {}

  /** CONTRACT.md "Recordings out": the automatic verdicts of the active checklist. */
  @ApiResult('AutoChecks')
  @Can('autocheck.read')
  @Get('recordings/:id/auto-checks')
  forRecording(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<AutoChecks> {
    return this.service.forRecording(user, id);
  }

  /** Progress of background re-checks (after a checklist is published). */
  @ApiResult('Page', 'AutocheckRun')
  @Can('autocheck.progress')
  @Get('autocheck/runs')
  runs() {
    return this.service.runs();
  }

  /** Per rule, how often inspectors kept the machine's verdict. */
  @ApiResult('RuleAgreementReport')
  @Can('autocheck.agreement')
  @Get('autocheck/agreement')
  agreementStats(@CurrentUser() user: AuthUser, @Query() q: AgreementQueryDto) {
    return this.agreement.byRule(user, q);
  }
}

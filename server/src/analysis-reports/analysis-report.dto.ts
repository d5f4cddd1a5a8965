import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AnalysisReportKind } from '#shared/api/analysis-reports.js';
import { IsLocalDate } from '#server/common/local-date.js';
import { PageQueryDto } from '#server/common/pagination.dto.js';

export const REPORT_KINDS = ['daily', 'weekly', 'monthly'] as const satisfies readonly AnalysisReportKind[];

export class GenerateReportDto {
  @IsIn(REPORT_KINDS, { message: 'kind must be daily, weekly or monthly' })
  kind!: AnalysisReportKind;

  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;

  /** Any day of the period: the day, or a day of the week (Monday to Sunday) or of the month. */
  @IsLocalDate()
  date!: string;
}

export class ReportListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(REPORT_KINDS, { message: 'kind must be daily, weekly or monthly' })
  kind?: AnalysisReportKind;

  /** Project code. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  project?: string;
}

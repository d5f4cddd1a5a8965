import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsLocalDate } from '#server/common/local-date.js';
import { PageQueryDto } from '#server/common/pagination.dto.js';

export class CreateExportRequestDto {
  @IsIn(['evaluations'], { message: 'kind must be evaluations' })
  kind!: 'evaluations';

  @IsIn(['xlsx', 'csv'], { message: 'format must be xlsx or csv' })
  format!: 'xlsx' | 'csv';

  @IsOptional()
  @IsLocalDate()
  from?: string;

  @IsOptional()
  @IsLocalDate()
  to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  team?: string;

  /** Employee number. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  agent?: string;

  /** Why the export is needed, for the approver. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  purpose?: string;
}

export class RefuseExportDto {
  @IsString()
  @IsNotEmpty({ message: 'reason is required' })
  @MaxLength(500)
  reason!: string;
}

export class ExportRequestQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['pending', 'approved', 'refused', 'downloaded'])
  status?: 'pending' | 'approved' | 'refused' | 'downloaded';
}

import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { DISPUTE_STATUSES, type DisputeStatus } from '#shared/api/disputes.js';
import { IsLocalDate } from '#server/common/local-date.js';

/** Why a disputed item's verdict is wrong. */
export class DisputeItemInputDto {
  @IsString()
  @MaxLength(32)
  code!: string;

  @IsString()
  @MinLength(2, { message: 'reason must say why (at least 2 characters)' })
  @MaxLength(2000)
  reason!: string;
}

/** The lead disputes chosen failed items, each with a reason. */
export class RaiseDisputeDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'items must name at least one item to dispute' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DisputeItemInputDto)
  items!: DisputeItemInputDto[];
}

export class AnswerItemDto {
  @IsString()
  @MaxLength(32)
  code!: string;

  @IsIn(['accept', 'reject'], { message: 'decision must be accept or reject' })
  decision!: 'accept' | 'reject';

  /** Required to reject; optional to accept. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/** The inspector decides every disputed item. */
export class AnswerDisputeDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'items must decide every disputed item' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AnswerItemDto)
  items!: AnswerItemDto[];
}

export class EscalateDisputeDto {
  @IsString()
  @MinLength(2, { message: 'reason must say why (at least 2 characters)' })
  @MaxLength(2000)
  reason!: string;
}

export class RulingItemDto {
  @IsString()
  @MaxLength(32)
  code!: string;

  @IsIn(['uphold', 'reject'], { message: 'ruling must be uphold or reject' })
  ruling!: 'uphold' | 'reject';

  @IsString()
  @MinLength(2, { message: 'reason must say why (at least 2 characters)' })
  @MaxLength(2000)
  reason!: string;
}

/** The supervisor rules every escalated item: final. */
export class RuleDisputeDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'items must rule every escalated item' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RulingItemDto)
  items!: RulingItemDto[];
}

export class DisputeListQueryDto {
  @IsOptional()
  @IsIn(DISPUTE_STATUSES, { message: `status must be one of ${DISPUTE_STATUSES.join(', ')}` })
  status?: DisputeStatus;

  /** Team code. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  team?: string;

  /** The inspector's username. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  inspector?: string;

  /** Raised from (local day). */
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @IsOptional()
  @IsLocalDate()
  to?: string;
}

export class DisputeSummaryQueryDto {
  @IsLocalDate()
  from!: string;

  @IsLocalDate()
  to!: string;

  /** Project code: only its disputes. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  project?: string;
}

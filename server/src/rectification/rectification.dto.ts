import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { IsLocalDate } from '#server/common/local-date.js';

export class IssueNoticeDto {
  /** Team code. */
  @IsString()
  @MaxLength(32)
  team!: string;

  /** Codes of the active checklist's items to rectify. */
  @IsArray()
  @ArrayNotEmpty({ message: 'codes must name at least one checklist item' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  codes!: string[];

  /** The required actions. */
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  actions!: string;

  @IsLocalDate()
  deadline!: string;

  /** The first day whose sampling re-checks the team; by default the day after the notice is issued. */
  @IsOptional()
  @IsLocalDate()
  recheckFrom?: string;

  /** Submitted evaluations of the team, as evidence. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  evaluations?: string[];
}

/** A step that two people may take at once carries the revision it was read at (optimistic lock). */
export class NoticeStepDto {
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}

export class AcknowledgeNoticeDto {
  /** The team lead's action plan. */
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  actionPlan!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;
}

export class NoticeListQueryDto {
  /** Team code. */
  @IsOptional()
  @IsString()
  team?: string;

  @IsOptional()
  @IsIn(['issued', 'acknowledged', 're-checking', 'closed', 'escalated'])
  status?: string;
}

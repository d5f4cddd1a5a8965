import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsLocalDate } from '#server/common/local-date.js';

export class RunSamplingDto {
  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;

  @IsLocalDate()
  date!: string;
}

export class SamplingRulesDto {
  @IsInt() @Min(0) @Max(50) callsPerAgent!: number;
  @IsInt() @Min(0) @Max(50) focusExtraCalls!: number;
  @IsInt() @Min(0) @Max(3650) newHireDays!: number;
  @IsNumber() @Min(0) @Max(100) lowScoreThreshold!: number;
  @IsInt() @Min(1) @Max(365) lowScoreDays!: number;
  @IsInt() @Min(1) @Max(365) fatalDays!: number;
  @IsNumber() @Min(0) @Max(86_400) minDurationSeconds!: number;
  @IsArray() @IsIn(['inbound', 'outbound'], { each: true, message: 'directions must each be inbound or outbound' }) directions!: ('inbound' | 'outbound')[];
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) businessTypes!: string[];
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) complaintBusinessTypes!: string[];
  @IsNumber() @Min(0) @Max(1) guidedShare!: number;
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'runAt must be a local time HH:MM' }) runAt!: string;
  @IsNumber() @Min(0.5) @Max(50) maxHalfWidth!: number;
}

export class UpdatePlanDto {
  @ValidateNested()
  @Type(() => SamplingRulesDto)
  rules!: SamplingRulesDto;
}

export class ReassignDto {
  /** Username of an active inspector of the project. */
  @IsString()
  @MaxLength(64)
  inspector!: string;
}

export class SpotCheckDto {
  /** Team code: the team lead's own team. */
  @IsString()
  team!: string;

  @IsLocalDate()
  date!: string;

  @IsInt()
  @Min(1)
  @Max(20)
  count!: number;
}

export class QueueQueryDto {
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class ConfidenceQueryDto {
  @IsOptional() @IsString() project?: string;
  @IsOptional() @IsString() team?: string;
  @IsLocalDate() from!: string;
  @IsLocalDate() to!: string;
}

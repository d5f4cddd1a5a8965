import { IsIn, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsLocalDate } from '#server/common/local-date.js';

export class ProblemsQueryDto {
  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;

  @IsLocalDate()
  from!: string;

  @IsLocalDate()
  to!: string;
}

export class SummaryQueryDto {
  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;

  @IsLocalDate()
  from!: string;

  @IsLocalDate()
  to!: string;

  /** Team code: only that team's evaluations and calls. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  team?: string;
}

export class ProblemSettingsQueryDto {
  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;
}

export class ProblemSettingsDto {
  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  minAgents!: number;

  /** A fraction of the team's evaluated agents. */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minShare!: number;
}

export class ProblemPlanDto {
  /** Team code. */
  @IsString()
  @MaxLength(32)
  team!: string;

  /** Checklist item code. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code!: string;

  @IsIn(['week', 'month'], { message: 'period must be week or month' })
  period!: 'week' | 'month';

  /** The period's first day: a Monday, or the 1st of the month. */
  @IsLocalDate()
  from!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  owner!: string;

  @IsLocalDate()
  due!: string;

  /** The revision read; absent when writing the first plan. */
  @IsOptional()
  @IsInt()
  @Min(1)
  revision?: number;
}

export class TrendQueryDto extends SummaryQueryDto {
  @IsIn(['day', 'week', 'month'], { message: 'bucket must be day, week or month' })
  bucket!: 'day' | 'week' | 'month';
}

export class TeamsQueryDto {
  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;

  @IsLocalDate()
  from!: string;

  @IsLocalDate()
  to!: string;
}

export class TeamAgentsQueryDto extends TeamsQueryDto {
  /** Team code. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  team!: string;
}

export class InspectorsQueryDto extends TeamsQueryDto {}

export class InspectorConsistencyQueryDto extends TeamsQueryDto {
  /** The inspector's username. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  inspector!: string;
}

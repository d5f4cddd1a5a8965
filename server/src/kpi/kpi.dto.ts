import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { QUARTER_PATTERN } from '#shared/kpi/grades.js';
import { MAX_PARTS, PART_CODE_PATTERN } from '#shared/kpi/scheme.js';
import { IsLocalDate } from '#server/common/local-date.js';
import { AgentGrade } from '#shared/org.js';

/** At most this many agent-days in one request (a quarter of a 500-agent centre is 45,000). */
export const MAX_OPERATIONAL_ROWS = 50_000;

/** `PUT /api/kpi/operational`: the rows are checked one by one by the service, so that each problem names its index. */
export class OperationalPutDto {
  /** `{agent, date, calls, hours, successes}` per agent and local day. */
  @IsArray()
  @ArrayMaxSize(MAX_OPERATIONAL_ROWS)
  rows!: unknown[];
}

const QUARTER_MESSAGE = 'must be a quarter written YYYY-Qn, e.g. 2026-Q3';

export class KpiGradesQueryDto {
  @Matches(QUARTER_PATTERN, { message: `quarter ${QUARTER_MESSAGE}` })
  quarter!: string;

  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;

  /** `xlsx` downloads the review instead. */
  @IsOptional()
  @IsIn(['xlsx'])
  format?: 'xlsx';
}

export class GradeThresholdDto {
  @IsEnum(AgentGrade)
  grade!: AgentGrade;

  @IsNumber()
  @Min(0)
  @Max(100)
  minKpiScore!: number;

  @IsNumber()
  @Min(0)
  @Max(1000)
  minCph!: number;

  /** A fraction: 0.52 for 52 %. */
  @IsNumber()
  @Min(0)
  @Max(1)
  minSuccessRate!: number;
}

/** `POST /api/kpi/grade-tables`: the table a coming quarter (and the ones after it) is reviewed against. */
export class GradeTableDto {
  @Matches(QUARTER_PATTERN, { message: `fromQuarter ${QUARTER_MESSAGE}` })
  fromQuarter!: string;

  /** One row per grade, intern, C, B and A. */
  @IsArray()
  @ArrayMinSize(4)
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => GradeThresholdDto)
  grades!: GradeThresholdDto[];
}

/** `POST /api/kpi/grading-requests`: one more call of the agent in each of the next `days` daily sampling runs. */
export class GradingRequestDto {
  /** Employee number. */
  @IsString()
  @MaxLength(32)
  agent!: string;

  /** The first day whose sampling run adds the call; by default today (sampled tomorrow). */
  @IsOptional()
  @IsLocalDate()
  from?: string;

  /** How many days' runs, 5 by default. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  days?: number;
}

export class ExamDto {
  /** Employee number. */
  @IsString()
  @MaxLength(32)
  agent!: string;

  @IsIn(['new-hire', 'probation'])
  kind!: 'new-hire' | 'probation';

  @IsLocalDate()
  date!: string;

  @IsNumber()
  @Min(0)
  @Max(100)
  score!: number;

  @IsBoolean()
  passed!: boolean;
}

export class AgentQueryDto {
  /** Employee number. */
  @IsString()
  @MaxLength(32)
  agent!: string;
}

export class ApproversDto {
  @IsString()
  @MaxLength(64)
  supervisor!: string;

  @IsString()
  @MaxLength(64)
  deputyManager!: string;

  @IsString()
  @MaxLength(64)
  manager!: string;

  @IsString()
  @MaxLength(64)
  director!: string;
}

export class PromotionDto {
  /** Employee number. */
  @IsString()
  @MaxLength(32)
  agent!: string;

  @IsEnum(AgentGrade)
  toGrade!: AgentGrade;

  /** The quarter reviewed. */
  @Matches(QUARTER_PATTERN, { message: `quarter ${QUARTER_MESSAGE}` })
  quarter!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  /** The usernames approving in turn: supervisor, deputy manager, manager, director. */
  @IsObject()
  @ValidateNested()
  @Type(() => ApproversDto)
  approvers!: ApproversDto;
}

export class DecisionDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class PromotionListQueryDto {
  @IsOptional()
  @IsIn(['pending', 'approved', 'rejected'])
  status?: string;

  /** `true`: only those waiting for the caller's step. */
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: string;

  /** Employee number. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  agent?: string;
}

/** One imported part of the KPI score and its weight. */
export class KpiPartDto {
  /** What the import names the part by: letters, digits, `_` or `-`. */
  @Matches(PART_CODE_PATTERN, { message: 'code must start with a letter and hold only letters, digits, _ or - (at most 32)' })
  code!: string;

  @IsString()
  @MaxLength(50)
  name!: string;

  /** Per cent. */
  @IsNumber()
  @Min(0)
  @Max(100)
  weight!: number;
}

/** A draft of a project's KPI scheme: the weights add up to 100 (checked by the service, which names the field). */
export class KpiSchemeBodyDto {
  @Matches(QUARTER_PATTERN, { message: `fromQuarter ${QUARTER_MESSAGE}` })
  fromQuarter!: string;

  /** The QA score's weight in per cent. */
  @IsNumber()
  @Min(0)
  @Max(100)
  qaWeight!: number;

  @IsArray()
  @ArrayMaxSize(MAX_PARTS)
  @ValidateNested({ each: true })
  @Type(() => KpiPartDto)
  parts!: KpiPartDto[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class KpiSchemeCreateDto extends KpiSchemeBodyDto {
  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;
}

export class ProjectQueryDto {
  /** Project code. */
  @IsString()
  @MaxLength(32)
  project!: string;
}

/** `PUT /api/kpi/parts`: the rows are checked one by one by the service, so that each problem names its index. */
export class PartsPutDto {
  /** `{agent, quarter, part, value}` per agent, quarter and part. */
  @IsArray()
  @ArrayMaxSize(MAX_OPERATIONAL_ROWS)
  rows!: unknown[];
}

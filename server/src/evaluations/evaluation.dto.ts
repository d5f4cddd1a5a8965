import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EVALUATION_SOURCES, type EvaluationSource } from '#shared/checklists/types.js';
import { IsLocalDate } from '#server/common/local-date.js';
import { PageQueryDto } from '#server/common/pagination.dto.js';

const VERDICTS = ['pass', 'fail', 'na'] as const;
export type ItemVerdict = (typeof VERDICTS)[number];
const SOURCE_MESSAGE = `source must be one of ${EVALUATION_SOURCES.join(', ')}`;

export class EvaluationItemInputDto {
  @IsString()
  @MaxLength(32)
  code!: string;

  @IsIn(VERDICTS, { message: 'verdict must be pass, fail or na' })
  verdict!: ItemVerdict;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  /** Seconds into the call where the defect is. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  at?: number;

  /** End of the defect's region, when it spans a stretch of the call. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  until?: number;
}

/** CONTRACT.md "Evaluations": a finished evaluation in one call. */
export class CreateEvaluationDto {
  @IsUUID('all', { message: 'recordingId must be a recording id (UUID)' })
  recordingId!: string;

  @IsIn(EVALUATION_SOURCES, { message: SOURCE_MESSAGE })
  source!: EvaluationSource;

  @IsArray()
  @ArrayMinSize(1, { message: 'items must score every checklist item' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => EvaluationItemInputDto)
  items!: EvaluationItemInputDto[];

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class StartDraftDto {
  @IsUUID('all', { message: 'recordingId must be a recording id (UUID)' })
  recordingId!: string;

  @IsIn(EVALUATION_SOURCES, { message: SOURCE_MESSAGE })
  source!: EvaluationSource;
}

export class DraftItemDto {
  @IsString()
  @MaxLength(32)
  code!: string;

  /** null clears a verdict given earlier. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(VERDICTS, { message: 'verdict must be pass, fail, na or null' })
  verdict?: ItemVerdict | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  comment?: string | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  at?: number | null;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  until?: number | null;
}

export class SaveDraftDto {
  /** The revision this save is based on; another save in between makes it a 409. */
  @IsInt()
  @Min(1)
  revision!: number;

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DraftItemDto)
  items!: DraftItemDto[];

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(4000)
  comment?: string | null;
}

export class SubmitDto {
  @IsInt()
  @Min(1)
  revision!: number;
}

export class AmendDto {
  @IsString()
  @MinLength(4, { message: 'reason must say why (at least 4 characters)' })
  @MaxLength(2000)
  reason!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'items must name at least one item to change' })
  @ValidateNested({ each: true })
  @Type(() => EvaluationItemInputDto)
  items!: EvaluationItemInputDto[];
}

export class EvaluationQueryDto extends PageQueryDto {
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @IsOptional()
  @IsLocalDate()
  to?: string;

  /** Project code: only that project's evaluations. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  project?: string;

  @IsOptional()
  @IsString()
  team?: string;

  /** Employee number. */
  @IsOptional()
  @IsString()
  agent?: string;

  /** Only evaluations that failed this checklist item (or any of a comma-separated list of items). */
  @IsOptional()
  @Matches(/^[^,\s]{1,32}(,[^,\s]{1,32}){0,49}$/, { message: 'code must be a checklist item code, or up to 50 of them separated by commas' })
  code?: string;

  @IsOptional()
  @IsUUID()
  recordingId?: string;

  /** `draft`: the caller's own drafts still open (a draft is its inspector's work in progress); default `submitted`. */
  @IsOptional()
  @IsIn(['submitted', 'draft'], { message: 'status must be submitted or draft' })
  status?: 'submitted' | 'draft';

  /** `me`: only the caller's own evaluations; a username: only that inspector's. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  inspector?: string;

  /** `true`: only fatal evaluations; `false`: only the others. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'fatal must be true or false' })
  fatal?: 'true' | 'false';

  /** `false`: calibration evaluations left out, as every report counts; `true`: only those. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'calibration must be true or false' })
  calibration?: 'true' | 'false';

  /** `true`: only evaluations a supervisor amended; `false`: only those never amended. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'amended must be true or false' })
  amended?: 'true' | 'false';

  @IsOptional()
  @IsIn(['xlsx', 'csv'], { message: 'format must be xlsx or csv' })
  format?: 'xlsx' | 'csv';

  /** The file's column titles: the reader's language (`zh`, `en`; else Accept-Language, Chinese by default). */
  @IsOptional()
  @IsIn(['zh', 'zh-CN', 'en'], { message: 'lang must be zh, zh-CN or en' })
  lang?: string;

  /** `keys`: CONTRACT.md's field names as column titles and the API's own values, for scripts. */
  @IsOptional()
  @IsIn(['keys'], { message: 'headers must be keys' })
  headers?: 'keys';
}

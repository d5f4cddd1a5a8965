import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '#server/common/pagination.dto.js';
import { FAQ_PROPOSAL_STATUSES, FAQ_STATUSES, type FaqProposalStatusValue, type FaqStatusValue } from './faq.entity.js';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimmedList = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

export class FaqQueryDto extends PageQueryDto {
  /** Text the question, an alternative phrasing or the answer contains (normalised as the rule engine does). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** Only to those who see drafts: one status (default every one but `retired`). */
  @IsOptional()
  @IsIn(FAQ_STATUSES, { message: `status must be one of ${FAQ_STATUSES.join(', ')}` })
  status?: FaqStatusValue;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  tag?: string;

  /** Project code: its entries and the centre-wide ones. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  project?: string;
}

/** An entry's content, as created and as changed. */
export class FaqContentDto {
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'question must not be empty' })
  @MaxLength(500)
  question!: string;

  /** Simple markup: paragraphs, `- `/`1. ` lists, `**bold**`, `[text](https://…)`. */
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'answer must not be empty' })
  @MaxLength(20000)
  answer!: string;

  @IsOptional()
  @Transform(trimmedList)
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each tag must not be empty' })
  @MaxLength(32, { each: true })
  tags?: string[];

  /** Other ways customers ask it. */
  @IsOptional()
  @Transform(trimmedList)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each alternative must not be empty' })
  @MaxLength(500, { each: true })
  alternatives?: string[];

  /** Project code; absent or null for the whole centre. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  project?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  businessType?: string | null;
}

export class CreateFaqDto extends FaqContentDto {}

export class UpdateFaqDto extends FaqContentDto {
  /** The revision the caller read: another change in between is a 409 and nothing is overwritten. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  revision!: number;
}

/** The revision the caller read (optional). */
export class FaqStepDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  revision?: number;
}

export class PublishFaqDto extends FaqStepDto {
  /** Why this version (kept with it). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class RetireFaqDto extends FaqStepDto {
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'reason must say why the entry is retired' })
  @MaxLength(1000)
  reason!: string;
}

export class CreateProposalDto {
  @IsUUID('all', { message: 'recordingId must be a recording id (UUID)' })
  recordingId!: string;

  @IsOptional()
  @IsUUID('all', { message: 'evaluationId must be an evaluation id (UUID)' })
  evaluationId?: string;

  /** The checklist item whose defect prompted it. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  code?: string;

  /** Seconds into the call. */
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  at?: number;

  /** The entry to change; absent proposes a new one. */
  @IsOptional()
  @IsUUID('all', { message: 'entryId must be an FAQ entry id (UUID)' })
  entryId?: string;

  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'question must not be empty' })
  @MaxLength(500)
  question!: string;

  /** The right answer as the inspector knows it (may be empty: the maintainer writes it). */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(20000)
  answer?: string;

  /** What went wrong on the call. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ProposalQueryDto {
  @IsOptional()
  @IsIn(FAQ_PROPOSAL_STATUSES, { message: `status must be one of ${FAQ_PROPOSAL_STATUSES.join(', ')}` })
  status?: FaqProposalStatusValue;
}

export class DecideProposalDto {
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

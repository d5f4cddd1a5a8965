import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength } from 'class-validator';
import { Type } from 'class-transformer';
import { IsLocalDate } from '#server/common/local-date.js';
import { PageQueryDto } from '#server/common/pagination.dto.js';
import { COACHING_STATUSES, type CoachingStatus } from './coaching.entity.js';

export class CoachingQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(COACHING_STATUSES, { message: `status must be one of ${COACHING_STATUSES.join(', ')}` })
  status?: CoachingStatus;

  /** Team code. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  team?: string;

  /** Employee number. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  agent?: string;
}

/** The revision the caller read: another change in between makes it a 409 (optional). */
class RevisionDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  revision?: number;
}

/** The lead's one-to-one with the agent. */
export class CoachingSessionDto extends RevisionDto {
  @IsLocalDate()
  date!: string;

  /** What was said. */
  @IsString()
  @MinLength(2, { message: 'said must say what was gone over (at least 2 characters)' })
  @MaxLength(4000)
  said!: string;

  /** What the agent commits to. */
  @IsString()
  @MinLength(2, { message: 'commitment must say what the agent commits to (at least 2 characters)' })
  @MaxLength(4000)
  commitment!: string;

  /** A later call of the same agent listened to again together. */
  @IsOptional()
  @IsUUID('all', { message: 'relistenRecordingId must be a recording id (UUID)' })
  relistenRecordingId?: string;
}

export class AcknowledgeDto extends RevisionDto {}

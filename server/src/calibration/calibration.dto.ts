import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { CALIBRATION_LIST_STATUSES, type CalibrationListStatus } from '#shared/api/calibration.js';
import { IsLocalDate } from '#server/common/local-date.js';

export class CalibrationListQueryDto {
  /** `open` not revealed, `ready` ready to reveal (everyone submitted, or the deadline passed), `revealed`. */
  @IsOptional()
  @IsIn(CALIBRATION_LIST_STATUSES, { message: `status must be one of ${CALIBRATION_LIST_STATUSES.join(', ')}` })
  status?: CalibrationListStatus;
}

/** A supervisor's new session: calls of one project, the inspectors taking part, maybe an expert, a deadline. */
export class CreateCalibrationSessionDto {
  @IsString()
  @MinLength(2, { message: 'title must say what the session is about (at least 2 characters)' })
  @MaxLength(200)
  title!: string;

  /** Recording ids, all of one project in the caller's scope. */
  @IsArray()
  @ArrayMinSize(1, { message: 'recordings must name at least one call' })
  @ArrayMaxSize(20, { message: 'recordings: at most 20 calls in one session' })
  @IsUUID('all', { each: true, message: 'each of recordings must be a recording id' })
  recordings!: string[];

  /** Usernames of the inspectors taking part: at least two, for agreement to mean anything. */
  @IsArray()
  @ArrayMinSize(2, { message: 'participants must name at least two inspectors' })
  @ArrayMaxSize(50)
  @IsString({ each: true, message: 'each of participants must be a username' })
  @MaxLength(64, { each: true })
  participants!: string[];

  /** Username of the expert whose evaluations are the benchmark. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  expert?: string;

  @IsLocalDate()
  deadline!: string;
}

export class GuidanceItemDto {
  @IsString()
  @MaxLength(32)
  code!: string;

  @IsString()
  @MinLength(2, { message: 'text must say how to score the item (at least 2 characters)' })
  @MaxLength(2000)
  text!: string;
}

/** The discussion's outcome per item: each becomes the item's scoring note in the next checklist draft. */
export class GuidanceDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'items must give guidance for at least one item' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => GuidanceItemDto)
  items!: GuidanceItemDto[];
}

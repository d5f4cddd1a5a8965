import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  ValidatorConstraint,
  type ValidatorConstraintInterface,
  type ValidationArguments,
  Validate,
} from 'class-validator';
import { CallDirection, ChannelLayout } from '#shared/recordings.js';
import { IsLocalDate, IsRealDateTime } from '#server/common/local-date.js';
import { PageQueryDto } from '#server/common/pagination.dto.js';

export class RecordingMetadataDto {
  @IsString()
  @Matches(/^[\x21-\x7e]{1,128}$/, { message: 'externalId must be 1–128 printable ASCII characters without spaces' })
  externalId!: string;

  /** The agent's employee number. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  agent!: string;

  @IsString()
  @IsRealDateTime()
  startedAt!: string;

  @IsEnum(CallDirection, { message: 'direction must be inbound or outbound' })
  direction!: CallDirection;

  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9][0-9 -]{2,30}$/, { message: 'customerNumber must be a phone number (digits, optional +, spaces or -)' })
  customerNumber?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  businessType?: string;

  @IsOptional()
  @IsEnum(ChannelLayout, { message: 'channels must be mono, stereo-agent-left or stereo-agent-right' })
  channels?: ChannelLayout;
}

@ValidatorConstraint({ name: 'segmentEndsAfterStart' })
class EndsAfterStart implements ValidatorConstraintInterface {
  validate(end: unknown, args: ValidationArguments) {
    const start = (args.object as { start?: unknown }).start;
    return typeof end === 'number' && typeof start === 'number' && end >= start;
  }
  defaultMessage() {
    return 'end must not be before start';
  }
}

export class TranscriptSegmentDto {
  @IsIn(['agent', 'customer'], { message: 'speaker must be agent or customer' })
  speaker!: 'agent' | 'customer';

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(86_400)
  start!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Max(86_400)
  @Validate(EndsAfterStart)
  end!: number;

  @IsString()
  @MaxLength(10_000)
  text!: string;
}

export class TranscriptDto {
  @IsOptional()
  @IsString()
  @MaxLength(16)
  language?: string;

  @IsArray()
  @ArrayMaxSize(20_000)
  @ValidateNested({ each: true })
  @Type(() => TranscriptSegmentDto)
  segments!: TranscriptSegmentDto[];
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

export class RecordingQueryDto extends PageQueryDto {
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @IsOptional()
  @IsLocalDate()
  to?: string;

  @IsOptional()
  @IsString()
  project?: string;

  @IsOptional()
  @IsString()
  team?: string;

  /** Employee number. */
  @IsOptional()
  @IsString()
  agent?: string;

  @IsOptional()
  @IsEnum(CallDirection, { message: 'direction must be inbound or outbound' })
  direction?: CallDirection;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  minDuration?: number;

  @IsOptional()
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  maxDuration?: number;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'hasTranscript must be true or false' })
  hasTranscript?: boolean;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'evaluated must be true or false' })
  evaluated?: boolean;

  /** A rule code the call failed under the active checklist, e.g. FORBIDDEN. */
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{0,31}$/, { message: 'failed must be a rule code such as FORBIDDEN' })
  failed?: string;

  /** Exact match, for a complaint. A masked form (138****5678) passes here to be refused as partial with its own code. */
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9*][0-9 *-]{2,30}$/, { message: 'customerNumber must be a phone number' })
  customerNumber?: string;

  @IsOptional()
  @IsIn(['startedAt', 'duration'])
  sort?: 'startedAt' | 'duration';

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

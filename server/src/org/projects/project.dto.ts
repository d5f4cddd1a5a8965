import { IsBoolean, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
export const CODE_MESSAGE = 'must be 1–32 letters, digits, - or _';

export class CreateProjectDto {
  @IsString()
  @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}

export class UpdateProjectDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export const DISPUTE_WINDOW_MAX_DAYS = 90;

/** The project's dispute window: whole days, 1 to 90. */
export class DisputeWindowDto {
  @IsInt({ message: 'days must be a whole number' })
  @Min(1, { message: 'days must be at least 1' })
  @Max(DISPUTE_WINDOW_MAX_DAYS, { message: `days must be at most ${DISPUTE_WINDOW_MAX_DAYS}` })
  days!: number;
}

/** The largest share of daily calls that may be scored blind: half, so that most calls keep their suggestions. */
export const BLIND_SHARE_MAX = 0.5;

export class BlindShareDto {
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'share must be a number from 0 to 0.5 (a fraction of the daily sampled calls)' })
  @Min(0, { message: 'share must be at least 0' })
  @Max(BLIND_SHARE_MAX, { message: `share must be at most ${BLIND_SHARE_MAX}` })
  share!: number;
}

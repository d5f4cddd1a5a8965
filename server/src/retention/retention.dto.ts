import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

/** The longest period a policy may name: 100 years (longer is "for ever", null). */
export const RETENTION_MAX_DAYS = 36_500;

/** `PUT /api/retention-policies/:projectId`: the whole policy; null keeps that audio for ever. */
export class RetentionPolicyDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Days a call’s audio is kept after its call day; null: for ever' })
  @ValidateIf((o: RetentionPolicyDto) => o.audioDays !== null)
  @IsInt({ message: 'audioDays must be a whole number of days, or null (for ever)' })
  @Min(1, { message: 'audioDays must be at least 1' })
  @Max(RETENTION_MAX_DAYS, { message: `audioDays must be at most ${RETENTION_MAX_DAYS}` })
  audioDays!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Days an evaluated call’s audio is kept (at least audioDays); null: for ever' })
  @ValidateIf((o: RetentionPolicyDto) => o.evaluatedAudioDays !== null)
  @IsInt({ message: 'evaluatedAudioDays must be a whole number of days, or null (for ever)' })
  @Min(1, { message: 'evaluatedAudioDays must be at least 1' })
  @Max(RETENTION_MAX_DAYS, { message: `evaluatedAudioDays must be at most ${RETENTION_MAX_DAYS}` })
  evaluatedAudioDays!: number | null;
}

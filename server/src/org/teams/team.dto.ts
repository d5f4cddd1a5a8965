import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { CODE_MESSAGE, CODE_PATTERN } from '../projects/project.dto.js';

export class CreateTeamDto {
  @IsString()
  @Matches(CODE_PATTERN, { message: `code ${CODE_MESSAGE}` })
  code!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  /** The project's code. */
  @IsString()
  @IsNotEmpty()
  project!: string;
}

export class UpdateTeamDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class TeamQueryDto {
  @IsOptional()
  @IsString()
  project?: string;
}

import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AgentGrade, AgentStatus } from '#shared/org.js';
import { IsLocalDate } from '#server/common/local-date.js';
import { PageQueryDto } from '#server/common/pagination.dto.js';

export const EMPLOYEE_NO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export class CreateAgentDto {
  @IsString()
  @Matches(EMPLOYEE_NO_PATTERN, { message: 'employeeNo must be 1–32 letters, digits, - or _' })
  employeeNo!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  /** The team's code. */
  @IsString()
  @IsNotEmpty()
  team!: string;

  @IsLocalDate()
  hiredAt!: string;

  @IsEnum(AgentGrade, { message: 'grade must be one of intern, C, B, A' })
  grade!: AgentGrade;
}

export class UpdateAgentDto {
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  team?: string;

  @IsOptional()
  @IsLocalDate()
  hiredAt?: string;

  @IsOptional()
  @IsEnum(AgentGrade, { message: 'grade must be one of intern, C, B, A' })
  grade?: AgentGrade;

  @IsOptional()
  @IsEnum(AgentStatus, { message: 'status must be active or left' })
  status?: AgentStatus;
}

export class AgentQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  team?: string;

  @IsOptional()
  @IsString()
  project?: string;

  @IsOptional()
  @IsEnum(AgentStatus, { message: 'status must be active or left' })
  status?: AgentStatus;

  /** Part of a name or employee number. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  q?: string;

  @IsOptional()
  @IsIn(['employeeNo', 'name', 'hiredAt', 'grade', 'team'])
  sort?: string;
}

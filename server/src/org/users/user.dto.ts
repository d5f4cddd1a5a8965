import { ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Role } from '#shared/org.js';

const ROLE_MESSAGE = 'roles must each be one of admin, supervisor, inspector, team_lead, faq_maintainer, trainer';

export class CreateUserDto {
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/, { message: 'username must be 2–64 letters, digits, ., - or _' })
  username!: string;

  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200)
  password!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsEnum(Role, { each: true, message: ROLE_MESSAGE })
  roles!: Role[];

  /** Project codes the user is bound to. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  projects?: string[];

  /** Team codes the user is bound to. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  teams?: string[];

  /** Sees every project whatever the bindings (supervisors and admins only: `scope.allProjects`). */
  @IsOptional()
  @IsBoolean()
  allProjects?: boolean;
}

export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200)
  password?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique()
  @IsEnum(Role, { each: true, message: ROLE_MESSAGE })
  roles?: Role[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  projects?: string[];

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  teams?: string[];

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  /** Sees every project whatever the bindings (supervisors and admins only: `scope.allProjects`). */
  @IsOptional()
  @IsBoolean()
  allProjects?: boolean;
}

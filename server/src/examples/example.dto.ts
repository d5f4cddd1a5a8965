import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { EXAMPLE_KINDS, type ExampleKind } from '#shared/api/examples.js';
import { IsLocalDate } from '#server/common/local-date.js';

/** A moment of the call, in seconds. */
export class ExampleRegionDto {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  start!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  end!: number;
}

/** What an example says: kind, items, note, tags and moments. */
export class ExampleContentDto {
  @IsIn(EXAMPLE_KINDS, { message: `kind must be one of ${EXAMPLE_KINDS.join(', ')}` })
  kind!: ExampleKind;

  /** Item codes of the evaluation's checklist version. */
  @IsArray()
  @ArrayMinSize(1, { message: 'items must name at least one checklist item' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  items!: string[];

  @IsString()
  @MinLength(1, { message: 'note must say what the call shows' })
  @MaxLength(2000)
  note!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(32, { each: true })
  tags?: string[];

  @IsArray()
  @ArrayMinSize(1, { message: 'regions must mark at least one moment of the call' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ExampleRegionDto)
  regions!: ExampleRegionDto[];
}

export class CreateExampleDto extends ExampleContentDto {
  @IsUUID('all', { message: 'evaluationId must be a UUID' })
  evaluationId!: string;
}

export class ExampleListQueryDto {
  /** Project code. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  project?: string;

  /** Team code. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  team?: string;

  /** Item code. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  item?: string;

  @IsOptional()
  @IsString()
  @MaxLength(32)
  tag?: string;

  @IsOptional()
  @IsIn(EXAMPLE_KINDS, { message: `kind must be one of ${EXAMPLE_KINDS.join(', ')}` })
  kind?: ExampleKind;
}

/** A sharing session: the day, its title, the presenter and the examples in playing order. */
export class SharingSessionDto {
  /** Project code: every example must be of it. */
  @IsString()
  @MaxLength(32)
  project!: string;

  @IsLocalDate()
  date!: string;

  @IsString()
  @MinLength(1, { message: 'title must name the session' })
  @MaxLength(200)
  title!: string;

  /** The presenter's username: an active user who opens the project's sessions (`GET /api/sharing-sessions/presenters`). */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  presenter!: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'exampleIds must list at least one example' })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'each of exampleIds must be a UUID' })
  exampleIds!: string[];
}

export class SessionListQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(32)
  project?: string;
}

/** The example calls an FAQ entry links, in order (none to unlink them all). */
export class FaqExampleLinksDto {
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each of exampleIds must be a UUID' })
  exampleIds!: string[];
}

/** Whose names a project's session may carry as presenter. */
export class PresenterQueryDto {
  /** Project code. */
  @IsString()
  @MinLength(1, { message: 'project must name a project' })
  @MaxLength(32)
  project!: string;
}

import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { User } from '#shared/api/org.js';
import type { Page } from '#shared/api/page.js';
import type { AuthUser } from '#server/auth/auth-user.js';
import { Can, CurrentUser } from '#server/auth/decorators.js';
import { ApiResult } from '#server/openapi/api-result.js';
import { CreateUserDto, UpdateUserDto } from './user.dto.js';
import { UsersService } from './users.service.js';
import { IdParam } from '#server/common/id-param.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @ApiResult('Page', 'User')
  @Can('org.user.read')
  @Get()
  list(): Promise<Page<User>> {
    return this.service.list();
  }

  @ApiResult('User')
  @Can('org.user.read')
  @Get(':id')
  get(@IdParam() id: string): Promise<User> {
    return this.service.get(id);
  }

  @ApiResult('User')
  @Can('org.user.edit')
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto): Promise<User> {
    return this.service.create(user, dto);
  }

  @ApiResult('User')
  @Can('org.user.edit')
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @IdParam() id: string, @Body() dto: UpdateUserDto): Promise<User> {
    return this.service.update(user, id, dto);
  }
}

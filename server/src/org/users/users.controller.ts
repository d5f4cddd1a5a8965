import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role } from '../../../../shared/src/org.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { CurrentUser, Roles } from '../../auth/decorators.js';
import type { Page } from '../../common/pagination.dto.js';
import { CreateUserDto, UpdateUserDto, type UserResponseDto } from './user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('organisation')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Roles(Role.Admin)
  @Get()
  list(): Promise<Page<UserResponseDto>> {
    return this.service.list();
  }

  @Roles(Role.Admin)
  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserResponseDto> {
    return this.service.get(id);
  }

  @Roles(Role.Admin)
  @Post()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponseDto> {
    return this.service.create(user, dto);
  }

  @Roles(Role.Admin)
  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponseDto> {
    return this.service.update(user, id, dto);
  }
}

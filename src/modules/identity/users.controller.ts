import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Roles, scopeOf } from '../../../libs/auth';
import { UuidParam } from '../../../libs/common';
import { CreateUserDto, SetRoleDto, UpdateUserDto, UserQuery } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Admins see their region; supervisors and learners see themselves and their direct reports. */
  @Get()
  @Authenticated()
  list(@CurrentUser() user: AuthUser, @Query() query: UserQuery) {
    return this.users.list(scopeOf(user), query);
  }

  @Get(':id')
  @Authenticated()
  get(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string) {
    return this.users.get(scopeOf(user), id);
  }

  @Post()
  @Roles('unit_admin', 'national_admin')
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(scopeOf(user), dto);
  }

  @Patch(':id')
  @Roles('unit_admin', 'national_admin')
  update(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(scopeOf(user), id, dto);
  }

  /** Roles (and a unit admin's region) change only here, by a national admin. */
  @Put(':id/role')
  @Roles('national_admin')
  setRole(@Param('id', UuidParam) id: string, @Body() dto: SetRoleDto) {
    return this.users.setRole(id, dto);
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import { actorId, type Principal } from '../auth/principal';
import { UuidParam } from '../common/http/uuid-param';
import {
  CreateUserDto,
  ListUsersQueryDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
} from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('people')
@Controller('users')
@Roles('admin')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user with roles (admin)' })
  @ApiCreatedResponse({ type: UserDto })
  async create(
    @Body() body: CreateUserDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.create(body, actorId(caller)));
  }

  @Get()
  @ApiOperation({ summary: 'List users, paginated' })
  @ApiOkResponse({ type: UserPageDto })
  async list(@Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(UserDto.from) };
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@Param('id', UuidParam) id: string): Promise<UserDto> {
    return UserDto.from(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update name, roles, team, password or active flag' })
  @ApiOkResponse({ type: UserDto })
  async update(
    @Param('id', UuidParam) id: string,
    @Body() body: UpdateUserDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.update(id, body, actorId(caller)));
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deactivate a user: they can no longer log in, and live tokens stop working',
  })
  @ApiOkResponse({ type: UserDto })
  async deactivate(
    @Param('id', UuidParam) id: string,
    @CurrentPrincipal() caller: Principal,
  ): Promise<UserDto> {
    return UserDto.from(await this.users.deactivate(id, actorId(caller)));
  }
}

import { Body, Controller, Get, HttpCode, Put } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorBodyDto } from '../common/errors/error-body.dto';
import { AuthService } from './auth.service';
import { CurrentPrincipal, Roles } from './decorators';
import { ChangePasswordDto, MeDto } from './dto/me.dto';
import type { Principal } from './principal';
import { PERSON_ROLES } from './roles';

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @Roles(...PERSON_ROLES)
  @ApiOperation({ summary: 'Who I am: my ids, roles and team' })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() caller: Principal): MeDto {
    return this.auth.me(caller);
  }

  @Put('password')
  @HttpCode(204)
  @Roles(...PERSON_ROLES)
  @ApiOperation({
    summary: 'Change my password; every token issued before is refused from then on',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiForbiddenResponse({
    description: 'WRONG_PASSWORD: currentPassword is wrong',
    type: ErrorBodyDto,
  })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<void> {
    await this.auth.changePassword(caller, body.currentPassword, body.newPassword);
  }
}

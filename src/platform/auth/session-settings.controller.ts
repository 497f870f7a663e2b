import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from './decorators';
import { SessionSettingsDto, UpdateSessionSettingsDto } from './dto/session-settings.dto';
import type { Principal } from './principal';
import { SessionSettingsService } from './session-settings.service';

@ApiTags('admin')
@Controller('admin/session-settings')
@Roles('admin')
export class SessionSettingsController {
  constructor(private readonly settings: SessionSettingsService) {}

  @Get()
  @ApiOperation({
    summary: 'The idle timeout of browser sessions (the configured default until saved)',
  })
  @ApiOkResponse({ type: SessionSettingsDto })
  get(): Promise<SessionSettingsDto> {
    return this.settings.get();
  }

  @Put()
  @ApiOperation({
    summary:
      'Set the idle timeout of browser sessions (5–720 minutes); applies at each session’s next refresh',
  })
  @ApiOkResponse({ type: SessionSettingsDto })
  update(
    @Body() body: UpdateSessionSettingsDto,
    @CurrentPrincipal() caller: Principal,
  ): Promise<SessionSettingsDto> {
    return this.settings.update(
      body.idleTimeoutMinutes,
      caller.kind === 'user' ? caller.userId : null,
    );
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/decorators';
import { ErrorBodyDto } from '../../platform/common/errors/error-body.dto';
import { ErlangRequestDto, ErlangResponseDto } from './dto/erlang.dto';
import { StaffingService } from './staffing.service';

@ApiTags('staffing')
@Controller('staffing')
export class StaffingController {
  constructor(private readonly staffing: StaffingService) {}

  @Post('erlang-c')
  @HttpCode(200)
  @Roles('scheduler', 'admin')
  @ApiOperation({
    summary:
      'Agents needed for one interval (Erlang C; Erlang A when patienceSeconds is given), with shrinkage parts',
  })
  @ApiOkResponse({ type: ErlangResponseDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED', type: ErrorBodyDto })
  erlangC(@Body() body: ErlangRequestDto): Promise<ErlangResponseDto> {
    return this.staffing.erlang(body);
  }
}

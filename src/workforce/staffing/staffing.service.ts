import { Injectable } from '@nestjs/common';
import { badRequest } from '../../platform/common/errors/domain-error';
import { ForecastsService } from '../forecasts/forecasts.service';
import type { ErlangRequestDto, ErlangResponseDto, ShrinkageSources } from './dto/erlang.dto';
import { requiredAgents, StaffingInput } from './erlang';

@Injectable()
export class StaffingService {
  constructor(private readonly forecasts: ForecastsService) {}

  /**
   * One interval's staffing; the wellbeing part needs both of its figures. With `teamId`, figures the
   * request leaves out come from the team: base shrinkage from its planning settings, the wellbeing
   * figures from its recent call history and wellbeing policy (or the settings without history).
   */
  async erlang(input: ErlangRequestDto): Promise<ErlangResponseDto> {
    const { hostileCallRate, recoveryMinutesPerHostileCall, teamId, ...rest } = input;
    if ((hostileCallRate === undefined) !== (recoveryMinutesPerHostileCall === undefined)) {
      throw badRequest(
        'VALIDATION_FAILED',
        'hostileCallRate and recoveryMinutesPerHostileCall go together',
        {
          fields: [
            {
              field:
                hostileCallRate === undefined ? 'hostileCallRate' : 'recoveryMinutesPerHostileCall',
              messages: ['is required when the other is given'],
            },
          ],
        },
      );
    }
    const staffing: StaffingInput = { ...rest };
    const sources: ShrinkageSources = {
      base: rest.shrinkage !== undefined ? 'request' : 'none',
      hostileCallRate: hostileCallRate !== undefined ? 'request' : 'none',
      recoveryMinutesPerHostileCall: hostileCallRate !== undefined ? 'request' : 'none',
      maxOccupancy: rest.maxOccupancy !== undefined ? 'request' : 'none',
    };
    if (hostileCallRate !== undefined)
      staffing.wellbeing = {
        hostileCallRate,
        recoveryMinutesPerHostileCall: recoveryMinutesPerHostileCall!,
      };
    if (teamId) {
      const settings = await this.forecasts.getSettings(teamId);
      if (rest.shrinkage === undefined) {
        staffing.shrinkage = settings!.shrinkage;
        sources.base = 'setting';
      }
      if (rest.maxOccupancy === undefined) {
        const cap = await this.forecasts.maxOccupancyFor(teamId, settings);
        staffing.maxOccupancy = cap.value;
        sources.maxOccupancy = cap.source;
      }
      if (hostileCallRate === undefined) {
        const figures = await this.forecasts.wellbeingFigures(teamId, settings);
        staffing.wellbeing = {
          hostileCallRate: figures.hostileCallRate.value,
          recoveryMinutesPerHostileCall: figures.recoveryMinutesPerHostileCall.value,
        };
        sources.hostileCallRate = figures.hostileCallRate.source;
        sources.recoveryMinutesPerHostileCall = figures.recoveryMinutesPerHostileCall.source;
      }
    }
    const result = requiredAgents(staffing);
    return {
      ...result,
      shrinkage: {
        ...result.shrinkage,
        sources,
        ...(staffing.wellbeing ? { wellbeingInputs: staffing.wellbeing } : {}),
      },
    };
  }
}

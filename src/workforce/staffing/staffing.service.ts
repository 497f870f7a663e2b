import { Injectable } from '@nestjs/common';
import { badRequest } from '../../platform/common/errors/domain-error';
import { Clock } from '../../platform/common/clock/clock';
import { CallbackHistory } from '../../routing/queue/callbacks/callback-history';
import { ForecastsService } from '../forecasts/forecasts.service';
import type {
  CallbackLoadDto,
  CallbackSourcesDto,
  ErlangRequestDto,
  ErlangResponseDto,
  ShrinkageSources,
} from './dto/erlang.dto';
import { callbackFigures, callbackLoad, withCallbackLoad } from './domain/callback-workload';
import { requiredAgents, StaffingInput } from './erlang';

@Injectable()
export class StaffingService {
  constructor(
    private readonly forecasts: ForecastsService,
    private readonly callbackHistory: CallbackHistory,
    private readonly clock: Clock,
  ) {}

  /**
   * One interval's staffing; the wellbeing part needs both of its figures. With `teamId`, figures the
   * request leaves out come from the team: base shrinkage from its planning settings, the wellbeing
   * figures from its recent call history and wellbeing policy (or the settings without history).
   */
  async erlang(input: ErlangRequestDto): Promise<ErlangResponseDto> {
    const {
      hostileCallRate,
      recoveryMinutesPerHostileCall,
      teamId,
      callbacksPerInterval,
      callbackAttemptsPerCallback,
      callbackHandleSeconds,
      ...rest
    } = input;
    if (
      !teamId &&
      callbacksPerInterval === undefined &&
      (callbackAttemptsPerCallback !== undefined || callbackHandleSeconds !== undefined)
    )
      throw badRequest('VALIDATION_FAILED', 'Callback figures need callbacksPerInterval', {
        fields: [
          {
            field: 'callbacksPerInterval',
            messages: ['is required with callback figures when no teamId is given'],
          },
        ],
      });
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
      // Known only from a team's policy: without one the recovery load is staffed gross.
      staffing.continuousWorkBreak = await this.forecasts.continuousWorkBreak(teamId);
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
    const inbound = requiredAgents(staffing);
    const callbacks = await this.callbackLine(input, staffing.maxOccupancy);
    const result = callbacks ? withCallbackLoad(inbound, callbacks) : inbound;
    return {
      ...result,
      shrinkage: {
        ...result.shrinkage,
        sources,
        ...(staffing.wellbeing ? { wellbeingInputs: staffing.wellbeing } : {}),
      },
      ...(callbacks ? { callbacks } : {}),
    };
  }

  /**
   * The callback work of the interval, or null when there is none to staff for (no callbacksPerInterval
   * and no callbacks of the team in its history period). Figures left out come from the team's recent
   * callbacks (teamId), else attempts 1 and the inbound AHT.
   */
  private async callbackLine(
    input: ErlangRequestDto,
    maxOccupancy: number | undefined,
  ): Promise<CallbackLoadDto | null> {
    const needsHistory =
      input.teamId &&
      (input.callbacksPerInterval === undefined ||
        input.callbackAttemptsPerCallback === undefined ||
        input.callbackHandleSeconds === undefined);
    let fromHistory = {
      callbacksPerInterval: null as number | null,
      attemptsPerCallback: null as number | null,
      handleSecondsPerAttempt: null as number | null,
    };
    if (needsHistory) {
      const settings = await this.forecasts.getSettings(input.teamId!);
      const weeks = settings.wellbeingHistoryWeeks ?? 4;
      const to = this.clock.now();
      const from = new Date(to.getTime() - weeks * 7 * 86_400_000);
      const history = await this.callbackHistory.forTeam(input.teamId!, from, to);
      fromHistory = callbackFigures(
        { ...history, periodMinutes: weeks * 7 * 24 * 60 },
        input.intervalMinutes,
      );
    }
    const volume = input.callbacksPerInterval ?? fromHistory.callbacksPerInterval;
    if (volume === null) return null;
    const sources: CallbackSourcesDto = {
      callbacksPerInterval: input.callbacksPerInterval !== undefined ? 'request' : 'history',
      attemptsPerCallback:
        input.callbackAttemptsPerCallback !== undefined
          ? 'request'
          : fromHistory.attemptsPerCallback !== null
            ? 'history'
            : 'default',
      handleSecondsPerAttempt:
        input.callbackHandleSeconds !== undefined
          ? 'request'
          : fromHistory.handleSecondsPerAttempt !== null
            ? 'history'
            : 'inbound-aht',
    };
    const load = callbackLoad({
      callbacksPerInterval: volume,
      attemptsPerCallback:
        input.callbackAttemptsPerCallback ?? fromHistory.attemptsPerCallback ?? 1,
      handleSecondsPerAttempt:
        input.callbackHandleSeconds ?? fromHistory.handleSecondsPerAttempt ?? input.ahtSeconds,
      intervalMinutes: input.intervalMinutes,
      maxOccupancy,
    });
    return { ...load, sources };
  }
}

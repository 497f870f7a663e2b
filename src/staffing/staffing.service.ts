import { Injectable } from '@nestjs/common';
import { badRequest } from '../common/errors/domain-error';
import type { ErlangRequestDto } from './dto/erlang.dto';
import { requiredAgents, StaffingInput, StaffingResult } from './erlang';

@Injectable()
export class StaffingService {
  /** One interval's staffing; the wellbeing part needs both of its figures. */
  erlang(input: ErlangRequestDto): StaffingResult {
    const { hostileCallRate, recoveryMinutesPerHostileCall, ...rest } = input;
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
    if (hostileCallRate !== undefined)
      staffing.wellbeing = {
        hostileCallRate,
        recoveryMinutesPerHostileCall: recoveryMinutesPerHostileCall!,
      };
    return requiredAgents(staffing);
  }
}

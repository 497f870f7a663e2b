import type { Principal } from '../platform/auth/principal';
import { forbidden } from '../platform/common/errors/domain-error';
import type { CounselingBooking } from './booking.entity';

/** A booking with its parties: the names shown and the counsellor's login (who may see it). */
export type BookingRow = CounselingBooking & {
  counselorName: string;
  counselorUserId: string;
  agentName: string;
};

/** The caller's agent id: only an agent acts on its own counselling. */
export function requireAgent(caller: Principal): string {
  if (caller.kind !== 'user' || !caller.agentId)
    throw forbidden('Only an agent can do this with their own counselling');
  return caller.agentId;
}

/** SQL on `b` (the booking) and `c` (its counsellor): the caller is its agent or its counsellor. */
export function partyFilter(caller: Principal): { where: string; params: unknown[] } {
  if (caller.kind !== 'user') return { where: 'false', params: [] };
  return {
    where: '(b.agent_id = $1 OR c.user_id = $2)',
    params: [caller.agentId ?? '00000000-0000-0000-0000-000000000000', caller.userId],
  };
}

export function isAgentOf(caller: Principal, row: BookingRow): boolean {
  return caller.kind === 'user' && caller.agentId === row.agentId;
}

export function isCounselorOf(caller: Principal, row: BookingRow): boolean {
  return caller.kind === 'user' && caller.userId === row.counselorUserId;
}

/**
 * Greedy repair of a published schedule (pure): a gap (a shift nobody holds) goes to the qualified agent
 * with the least paid work in that calendar week for whom every labour rule, time off and the contract
 * still hold. Nothing else moves: every other shift is kept exactly.
 */
import { DateTime } from 'luxon';
import {
  CheckedShift,
  CheckContext,
  newViolations,
  Violation,
  workedMinutes,
} from '../rule-checker';

export interface RepairGap {
  start: number;
  end: number;
  breaks: CheckedShift['breaks'];
  requiredDialects: string[];
}

export interface RepairCandidate {
  agentId: string;
  dialects: string[];
  /** The agent's live shifts and this schedule's, around the gap. */
  shifts: CheckedShift[];
}

export type RepairPick =
  | { agentId: string }
  | { agentId: null; reason: 'NO_QUALIFIED_AGENT' | 'RULES'; firstViolation?: Violation };

export function pickAgentForGap(
  gap: RepairGap,
  candidates: RepairCandidate[],
  ctx: CheckContext,
): RepairPick {
  const week = DateTime.fromMillis(gap.start, { zone: ctx.timeZone }).startOf('week');
  const from = week.toMillis();
  const to = week.plus({ weeks: 1 }).toMillis();
  const qualified = candidates.filter((c) =>
    gap.requiredDialects.every((d) => c.dialects.includes(d)),
  );
  if (qualified.length === 0) return { agentId: null, reason: 'NO_QUALIFIED_AGENT' };
  const load = (c: RepairCandidate) =>
    c.shifts
      .filter((s) => s.start >= from && s.start < to)
      .reduce((t, s) => t + workedMinutes(s), 0);
  const ranked = [...qualified].sort(
    (a, b) => load(a) - load(b) || a.agentId.localeCompare(b.agentId),
  );
  let first: Violation | undefined;
  for (const c of ranked) {
    const next: CheckedShift = {
      agentId: c.agentId,
      start: gap.start,
      end: gap.end,
      breaks: gap.breaks,
    };
    const added = newViolations(c.shifts, [...c.shifts, next], ctx);
    if (added.length === 0) return { agentId: c.agentId };
    first ??= added[0];
  }
  return { agentId: null, reason: 'RULES', ...(first ? { firstViolation: first } : {}) };
}

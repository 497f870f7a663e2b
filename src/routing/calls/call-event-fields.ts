import type { CallEventDto } from './dto/call-events.dto';

/** What a call event stores beyond its columns (the type-specific fields). */
export function payloadOf(e: CallEventDto): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (e.durationSeconds !== undefined) p.durationSeconds = e.durationSeconds;
  if (e.severity !== undefined) p.severity = e.severity;
  if (e.source !== undefined) p.source = e.source;
  return p;
}

/** The highest hostile severity reported for a call in this batch up to `upTo`. */
export function maxSeverityInBatch(events: CallEventDto[], callId: string, upTo: Date): number {
  return events
    .filter(
      (e) => e.type === 'call.hostile' && e.callId === callId && Date.parse(e.at) <= upTo.getTime(),
    )
    .reduce((max, e) => Math.max(max, e.severity ?? 0), 0);
}

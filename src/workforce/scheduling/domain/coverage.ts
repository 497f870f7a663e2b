/**
 * Coverage of requirement rows by concrete shifts (pure), as GET /v1/schedules/{id} reports it: an agent
 * counts for an interval when its shift covers the whole interval and none of its breaks overlaps it; a
 * dialect row counts only agents holding the dialect at proficiency ≥ 3.
 */
/** Minimum proficiency for a dialect to count in coverage, open shifts and swaps. */
export const DIALECT_MIN_PROFICIENCY = 3;

/** The dialects an agent counts for in coverage (and may cover on an open shift or a swap). */
export function coveredDialects(
  dialects: ReadonlyArray<{ tag: string; proficiency: number }>,
): string[] {
  return dialects.filter((d) => d.proficiency >= DIALECT_MIN_PROFICIENCY).map((d) => d.tag);
}

export interface RequirementRow {
  start: string;
  dialect?: string;
  agents: number;
}

export interface CoveredShift {
  agentId: string;
  start: number;
  end: number;
  breaks: Array<{ start: number; end: number }>;
}

export interface CoverageRowOut {
  start: string;
  dialect?: string;
  required: number;
  scheduled: number;
}

export function coverageFor(
  requirements: RequirementRow[],
  intervalMinutes: number,
  shifts: CoveredShift[],
  dialectsOf: Map<string, string[]>,
): CoverageRowOut[] {
  const iv = intervalMinutes * 60_000;
  // Agents present per interval start (and per dialect), counted once per shift interval.
  const present = new Map<number, Map<string, number>>();
  // Intervals lie on the requirements' grid (local midnights need not be multiples of the interval).
  const origin = requirements.length ? Date.parse(requirements[0].start) : 0;
  for (const s of shifts) {
    for (
      let from = origin + Math.ceil((s.start - origin) / iv) * iv;
      from + iv <= s.end;
      from += iv
    ) {
      if (s.breaks.some((b) => b.start < from + iv && b.end > from)) continue;
      const at = present.get(from) ?? new Map<string, number>();
      at.set('', (at.get('') ?? 0) + 1);
      for (const d of dialectsOf.get(s.agentId) ?? []) at.set(d, (at.get(d) ?? 0) + 1);
      present.set(from, at);
    }
  }
  return [...requirements]
    .sort(
      (a, b) => a.start.localeCompare(b.start) || (a.dialect ?? '').localeCompare(b.dialect ?? ''),
    )
    .map((r) => {
      const from = Date.parse(r.start);
      return {
        start: new Date(from).toISOString(),
        ...(r.dialect ? { dialect: r.dialect } : {}),
        required: r.agents,
        scheduled: present.get(from)?.get(r.dialect ?? '') ?? 0,
      };
    });
}

export interface CoverageChange {
  start: string;
  dialect?: string;
  required: number;
  scheduledBefore: number;
  scheduledAfter: number;
}

/** Rows whose scheduled count differs between two coverage reports of the same requirements. */
export function coverageChanges(
  before: CoverageRowOut[],
  after: CoverageRowOut[],
): CoverageChange[] {
  const key = (r: CoverageRowOut) => `${r.start}|${r.dialect ?? ''}`;
  const next = new Map(after.map((r) => [key(r), r]));
  const out: CoverageChange[] = [];
  for (const b of before) {
    const a = next.get(key(b));
    if (!a || a.scheduled === b.scheduled) continue;
    out.push({
      start: b.start,
      ...(b.dialect ? { dialect: b.dialect } : {}),
      required: b.required,
      scheduledBefore: b.scheduled,
      scheduledAfter: a.scheduled,
    });
  }
  return out;
}

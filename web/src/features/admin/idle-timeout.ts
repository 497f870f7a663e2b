/** Why an idle timeout typed by the admin cannot be saved, or null when it can. */
export type IdleTimeoutProblem = 'required' | 'whole' | 'range';

export function idleTimeoutProblem(
  value: number | string | null | undefined,
  min: number,
  max: number,
): IdleTimeoutProblem | null {
  if (value === '' || value === null || value === undefined) return 'required';
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return 'required';
  if (!Number.isInteger(n)) return 'whole';
  if (n < min || n > max) return 'range';
  return null;
}

/** Minutes as hours and minutes, for the sentence under the field (e.g. 90 → { hours: 1, minutes: 30 }). */
export function splitMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/**
 * Maps database constraint names to the API's stable error codes, so a unique or
 * exclusion violation raised by PostgreSQL becomes a meaningful 409 (not a read-then-write race).
 * Features register their constraints next to their entities.
 */
const codes = new Map<string, { code: string; message: string }>();

export function registerConstraintCode(constraint: string, code: string, message: string): void {
  codes.set(constraint, { code, message });
}

export function constraintCode(
  constraint: string | undefined,
): { code: string; message: string } | undefined {
  return constraint ? codes.get(constraint) : undefined;
}

/**
 * The object without its undefined properties. DTO classes carry every declared field, absent ones
 * as undefined: a partial update must not write them (nor fail on an empty body).
 */
export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

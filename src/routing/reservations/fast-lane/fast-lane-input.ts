/**
 * The router fast lane's readers of query strings and bodies. They accept only input that is plainly
 * valid (printable ASCII tags, small integers, known fields) and answer `undefined` for anything else,
 * which then takes the full Nest path: ValidationPipe decides and words the 400 there, so the fast
 * lane never needs error texts of its own. Pure; a property test checks that whatever these accept,
 * the DTOs accept with the same values.
 */

export interface AvailabilityInput {
  dialect?: string;
  minProficiency?: number;
  skills?: string[];
  limit: number;
}

export interface ReservationInput {
  callId: string;
  dialect?: string;
  minProficiency?: number;
  skills?: string[];
  ttlSeconds?: number;
}

const TAG = /^[\x21-\x7e]{1,40}$/;
const CALL_ID = /^[\x21-\x7e]{1,255}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DEFAULT_LIMIT = 20;

const isTag = (v: unknown): v is string => typeof v === 'string' && TAG.test(v);
const isIntIn = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** A query-string integer written plainly ("7", not "07", "7.0" or " 7"), within bounds. */
function queryInt(v: unknown, min: number, max: number): number | undefined {
  if (typeof v !== 'string' || !/^[1-9][0-9]{0,2}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

function hasOnly(source: object, keys: readonly string[]): boolean {
  for (const key of Object.keys(source)) if (!keys.includes(key)) return false;
  return true;
}

const AVAILABILITY_KEYS = ['dialect', 'minProficiency', 'skill', 'limit'] as const;

/** `GET /v1/routing/available-agents` query, or undefined to let the full path decide. */
export function readAvailabilityQuery(query: unknown): AvailabilityInput | undefined {
  if (query === null || typeof query !== 'object' || !hasOnly(query, AVAILABILITY_KEYS))
    return undefined;
  const q = query as Record<string, unknown>;
  const input: AvailabilityInput = { limit: DEFAULT_LIMIT };
  if (q.dialect !== undefined) {
    if (!isTag(q.dialect)) return undefined;
    input.dialect = q.dialect;
  }
  if (q.minProficiency !== undefined) {
    const n = queryInt(q.minProficiency, 1, 5);
    if (n === undefined) return undefined;
    input.minProficiency = n;
  }
  if (q.skill !== undefined) {
    const skills = Array.isArray(q.skill) ? q.skill : [q.skill];
    if (skills.length > 10 || !skills.every(isTag)) return undefined;
    input.skills = skills;
  }
  if (q.limit !== undefined) {
    const n = queryInt(q.limit, 1, 200);
    if (n === undefined) return undefined;
    input.limit = n;
  }
  return input;
}

const RESERVATION_KEYS = ['callId', 'dialect', 'minProficiency', 'skills', 'ttlSeconds'] as const;

/** `POST /v1/routing/reservations` body, or undefined to let the full path decide. */
export function readReservationBody(body: unknown): ReservationInput | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  if (Object.getPrototypeOf(body) !== Object.prototype || !hasOnly(body, RESERVATION_KEYS))
    return undefined;
  const b = body as Record<string, unknown>;
  if (typeof b.callId !== 'string' || !CALL_ID.test(b.callId)) return undefined;
  const input: ReservationInput = { callId: b.callId };
  if (b.dialect !== undefined) {
    if (!isTag(b.dialect)) return undefined;
    input.dialect = b.dialect;
  }
  if (b.minProficiency !== undefined) {
    if (!isIntIn(b.minProficiency, 1, 5)) return undefined;
    input.minProficiency = b.minProficiency;
  }
  if (b.skills !== undefined) {
    if (!Array.isArray(b.skills) || b.skills.length > 10 || !b.skills.every(isTag))
      return undefined;
    input.skills = [...b.skills];
  }
  if (b.ttlSeconds !== undefined) {
    if (!isIntIn(b.ttlSeconds, 5, 120)) return undefined;
    input.ttlSeconds = b.ttlSeconds;
  }
  return input;
}

/** A reservation id in a path, as ParseUUIDPipe would accept it; undefined otherwise. */
export function readReservationId(id: unknown): string | undefined {
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
}

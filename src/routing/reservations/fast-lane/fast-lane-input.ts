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

/** A JSON object as parsed from text (no array, no class instance). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;
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
  if (!isPlainObject(body) || !hasOnly(body, RESERVATION_KEYS)) return undefined;
  if (typeof body.callId !== 'string' || !CALL_ID.test(body.callId)) return undefined;
  const input: ReservationInput = { callId: body.callId };
  if (!readCriteria(body, input)) return undefined;
  if (body.ttlSeconds !== undefined) {
    if (!isIntIn(body.ttlSeconds, 5, 120)) return undefined;
    input.ttlSeconds = body.ttlSeconds;
  }
  return input;
}

/**
 * The body of an accept or an abandon, whose routes read none: `{}` (what most HTTP clients send with
 * a JSON content type) is taken; anything else goes to the full path, which checks it as any body.
 */
export function readEmptyBody(body: unknown): Record<string, never> | undefined {
  return isPlainObject(body) && Object.keys(body).length === 0 ? {} : undefined;
}

/** A reservation id in a path, as ParseUUIDPipe would accept it; undefined otherwise. */
export function readReservationId(id: unknown): string | undefined {
  return typeof id === 'string' && UUID.test(id) ? id : undefined;
}

export interface CallEventInput {
  eventId: string;
  type: 'call.answered' | 'call.ended' | 'call.hostile';
  callId: string;
  agentId: string;
  at: string;
  durationSeconds?: number;
  severity?: number;
  source?: 'sentiment' | 'agent' | 'supervisor';
}

/** The fast lane takes the router's usual batches; a larger one (up to the DTO's 1,000) goes the full way. */
export const FAST_EVENTS_MAX = 200;
const EVENT_KEYS = [
  'eventId',
  'type',
  'callId',
  'agentId',
  'at',
  'durationSeconds',
  'severity',
  'source',
];
const EVENT_TYPES = ['call.answered', 'call.ended', 'call.hostile'];
const SOURCES = ['sentiment', 'agent', 'supervisor'];
/** UTC with a Z, seconds, optional milliseconds: what routers send, and a strict ISO 8601 date. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?Z$/;

/** A real calendar instant written as INSTANT (no 24:00, no February 30th). */
function isInstant(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = INSTANT.exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, sec] = m.map(Number);
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
  return (
    y >= 1000 &&
    t.getUTCFullYear() === y &&
    t.getUTCMonth() === mo - 1 &&
    t.getUTCDate() === d &&
    t.getUTCHours() === h &&
    t.getUTCMinutes() === mi &&
    t.getUTCSeconds() === sec
  );
}

function readCallEvent(e: unknown): CallEventInput | undefined {
  if (!isPlainObject(e) || !hasOnly(e, EVENT_KEYS)) return undefined;
  const v = e;
  if (typeof v.eventId !== 'string' || !CALL_ID.test(v.eventId)) return undefined;
  if (typeof v.callId !== 'string' || !CALL_ID.test(v.callId)) return undefined;
  if (typeof v.type !== 'string' || !EVENT_TYPES.includes(v.type)) return undefined;
  if (typeof v.agentId !== 'string' || !UUID.test(v.agentId)) return undefined;
  if (!isInstant(v.at)) return undefined;
  const out: CallEventInput = {
    eventId: v.eventId,
    type: v.type as CallEventInput['type'],
    callId: v.callId,
    agentId: v.agentId,
    at: v.at,
  };
  // Fields of another type's event are not validated by the DTO: such oddities go the full way.
  if (v.type === 'call.ended') {
    if (!isIntIn(v.durationSeconds, 0, 86400)) return undefined;
    if (v.severity !== undefined || v.source !== undefined) return undefined;
    out.durationSeconds = v.durationSeconds;
  } else if (v.type === 'call.hostile') {
    if (!isIntIn(v.severity, 1, 3)) return undefined;
    if (typeof v.source !== 'string' || !SOURCES.includes(v.source)) return undefined;
    if (v.durationSeconds !== undefined) return undefined;
    out.severity = v.severity;
    out.source = v.source as CallEventInput['source'];
  } else if (
    v.durationSeconds !== undefined ||
    v.severity !== undefined ||
    v.source !== undefined
  ) {
    return undefined;
  }
  return out;
}

/** `POST /v1/calls/events` body (1..FAST_EVENTS_MAX events), or undefined to let the full path decide. */
export function readCallEventBatch(body: unknown): CallEventInput[] | undefined {
  if (!isPlainObject(body) || !hasOnly(body, ['events'])) return undefined;
  const events = body.events;
  if (!Array.isArray(events) || events.length === 0 || events.length > FAST_EVENTS_MAX)
    return undefined;
  const out: CallEventInput[] = [];
  for (const e of events) {
    const read = readCallEvent(e);
    if (!read) return undefined;
    out.push(read);
  }
  return out;
}

export interface CriteriaInput {
  dialect?: string;
  minProficiency?: number;
  skills?: string[];
}

export interface EnqueueInput extends CriteriaInput {
  callId: string;
  priority?: number;
  callerRef?: string;
  fallback?: Array<CriteriaInput & { afterSeconds: number }>;
}

export interface CallStatusInput {
  waitSeconds: number;
  status?: string;
}

const CALLER_REF = /^[\x20-\x7e]{1,200}$/;
const CALL_STATUSES = ['queued', 'offered', 'connected', 'ended', 'abandoned'];

/** dialect, minProficiency and skills of a body or fallback step into `into`; false if any is odd. */
function readCriteria(b: Record<string, unknown>, into: CriteriaInput): boolean {
  if (b.dialect !== undefined) {
    if (!isTag(b.dialect)) return false;
    into.dialect = b.dialect;
  }
  if (b.minProficiency !== undefined) {
    if (!isIntIn(b.minProficiency, 1, 5)) return false;
    into.minProficiency = b.minProficiency;
  }
  if (b.skills !== undefined) {
    if (!Array.isArray(b.skills) || b.skills.length > 10 || !b.skills.every(isTag)) return false;
    into.skills = [...b.skills];
  }
  return true;
}

const ENQUEUE_KEYS = [
  'callId',
  'dialect',
  'minProficiency',
  'skills',
  'priority',
  'callerRef',
  'fallback',
];
const FALLBACK_KEYS = ['afterSeconds', 'dialect', 'minProficiency', 'skills'];

/** `POST /v1/routing/calls` body, or undefined to let the full path decide. */
export function readEnqueueBody(body: unknown): EnqueueInput | undefined {
  if (!isPlainObject(body) || !hasOnly(body, ENQUEUE_KEYS)) return undefined;
  if (typeof body.callId !== 'string' || !CALL_ID.test(body.callId)) return undefined;
  const input: EnqueueInput = { callId: body.callId };
  if (!readCriteria(body, input)) return undefined;
  if (body.priority !== undefined) {
    if (!isIntIn(body.priority, 0, 9)) return undefined;
    input.priority = body.priority;
  }
  if (body.callerRef !== undefined) {
    if (typeof body.callerRef !== 'string' || !CALLER_REF.test(body.callerRef)) return undefined;
    input.callerRef = body.callerRef;
  }
  if (body.fallback !== undefined) {
    if (!Array.isArray(body.fallback) || body.fallback.length > 5) return undefined;
    input.fallback = [];
    for (const step of body.fallback) {
      if (!isPlainObject(step) || !hasOnly(step, FALLBACK_KEYS)) return undefined;
      if (!isIntIn(step.afterSeconds, 1, 3600)) return undefined;
      const read: CriteriaInput & { afterSeconds: number } = { afterSeconds: step.afterSeconds };
      if (!readCriteria(step, read)) return undefined;
      input.fallback.push(read);
    }
  }
  return input;
}

/** `GET /v1/routing/calls/{callId}` query (waitSeconds 0..30, status), or undefined. */
export function readCallStatusQuery(query: unknown): CallStatusInput | undefined {
  if (query === null || typeof query !== 'object' || !hasOnly(query, ['waitSeconds', 'status']))
    return undefined;
  const q = query as Record<string, unknown>;
  const input: CallStatusInput = { waitSeconds: 0 };
  if (q.waitSeconds !== undefined) {
    const n = q.waitSeconds === '0' ? 0 : queryInt(q.waitSeconds, 1, 30);
    if (n === undefined) return undefined;
    input.waitSeconds = n;
  }
  if (q.status !== undefined) {
    if (typeof q.status !== 'string' || !CALL_STATUSES.includes(q.status)) return undefined;
    input.status = q.status;
  }
  return input;
}

/** A call id in a path (already decoded), as CallIdParam accepts it; undefined otherwise. */
export function readPathCallId(id: unknown): string | undefined {
  return typeof id === 'string' && CALL_ID.test(id) ? id : undefined;
}

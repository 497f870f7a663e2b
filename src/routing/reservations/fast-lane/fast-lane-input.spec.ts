import 'reflect-metadata';
import fc from 'fast-check';
import { createValidationPipe } from '../../../platform/common/errors/validation';
import { CallEventBatchDto } from '../../calls/dto/call-events.dto';
import { CallWaitQueryDto, EnqueueCallDto } from '../../queue/dto/queue.dto';
import { AvailableAgentsQueryDto, CreateReservationDto } from '../dto/routing.dto';
import {
  readAvailabilityQuery,
  readCallEventBatch,
  readCallStatusQuery,
  readEnqueueBody,
  readReservationBody,
  readReservationId,
} from './fast-lane-input';

const pipe = createValidationPipe();

/** What the Nest route would get: the DTO's values, or 'refused' (any 400). */
async function throughPipe(value: unknown, type: 'query' | 'body', metatype: unknown) {
  try {
    return (await pipe.transform(value, { type, metatype: metatype as never })) as Record<
      string,
      unknown
    >;
  } catch {
    return 'refused' as const;
  }
}

// Values near every edge the DTOs draw: lengths, ranges, leading zeros, non-ASCII, NUL, arrays.
const text = fc.oneof(
  fc.constantFrom(
    'cmn',
    'yue',
    'wuu-x-wuhan',
    '',
    ' ',
    'a'.repeat(40),
    'a'.repeat(41),
    '粤语',
    'x\u0000',
  ),
  fc.constantFrom(
    '0',
    '1',
    '3',
    '5',
    '6',
    '05',
    '3.0',
    ' 3',
    '20',
    '200',
    '201',
    '-1',
    '1e2',
    'NaN',
  ),
  fc.string({ maxLength: 45 }),
);
const queryValue = fc.oneof(text, fc.array(text, { maxLength: 12 }));
const queryKey = fc.constantFrom('dialect', 'minProficiency', 'skill', 'limit', 'teamId', 'skills');

const bodyValue = fc.oneof(
  text,
  fc.integer({ min: -2, max: 130 }),
  fc.double({ min: 0, max: 10, noNaN: true }),
  fc.constant(null),
  fc.boolean(),
  fc.array(text, { maxLength: 12 }),
);
// Each field usually near-valid, sometimes anything; now and then a field no DTO has.
const nearly = <T>(usual: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: usual }, { weight: 1, arbitrary: bodyValue });
const reservationBody = fc
  .record(
    {
      callId: nearly(
        fc.oneof(
          fc.constantFrom('call-1', 'c'.repeat(255), 'c'.repeat(256), 'a b'),
          fc.string({ maxLength: 8 }),
        ),
      ),
      dialect: nearly(text),
      minProficiency: nearly(fc.integer({ min: 0, max: 6 })),
      skills: nearly(fc.array(text, { maxLength: 11 })),
      ttlSeconds: nearly(fc.integer({ min: 3, max: 122 })),
      teamId: text,
    },
    { requiredKeys: [] },
  )
  .map((b) =>
    Math.abs(JSON.stringify(b).length % 7) === 0 ? b : (({ teamId: _t, ...rest }) => rest)(b),
  );

// Call events near every edge the DTO draws: types and the fields each type needs, instants
// (calendar edges, offsets, no Z), ids, and now and then a field of another type or no DTO's.
const instant = fc.oneof(
  fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    '2026-11-23T09:00:00Z',
    '2026-11-23T09:00:00.5Z',
    '2026-02-30T09:00:00Z',
    '2026-11-23T24:00:00Z',
    '2026-11-23T09:00:00+08:00',
    '2026-11-23T09:00:00',
    '2026-11-23 09:00:00Z',
    '2026-11-23',
  ),
);
const callEvent = fc
  .record(
    {
      eventId: nearly(fc.constantFrom('e-1', 'e-2', 'e'.repeat(255), 'e'.repeat(256), 'a b', '')),
      type: nearly(fc.constantFrom('call.answered', 'call.ended', 'call.hostile', 'call.other')),
      callId: nearly(fc.constantFrom('c-1', 'c'.repeat(255), 'c d')),
      agentId: nearly(
        fc.constantFrom(
          '0b9f1c3e-6a51-4c1e-9a0e-3d2f1b7c8a90',
          '0B9F1C3E-6A51-4C1E-9A0E-3D2F1B7C8A90',
          '0b9f1c3e6a514c1e9a0e3d2f1b7c8a90',
        ),
      ),
      at: nearly(instant),
      durationSeconds: nearly(fc.integer({ min: -1, max: 86401 })),
      severity: nearly(fc.integer({ min: 0, max: 4 })),
      source: nearly(fc.constantFrom('sentiment', 'agent', 'supervisor', 'router')),
      teamId: text,
    },
    { requiredKeys: ['eventId', 'type', 'callId', 'agentId', 'at'] },
  )
  .map((e) => {
    // Mostly the fields the type needs and no others, as routers send them.
    const { durationSeconds, severity, source, teamId: _t, ...base } = e;
    const h = JSON.stringify(e).length % 11;
    if (h === 0) return e;
    if (base.type === 'call.ended') return { ...base, durationSeconds };
    if (base.type === 'call.hostile') return { ...base, severity, source };
    return base;
  });
const validEvent = fc
  .record({
    eventId: fc.constantFrom('e-1', 'e-2', 'e'.repeat(255)),
    type: fc.constantFrom('call.answered', 'call.ended', 'call.hostile'),
    callId: fc.constantFrom('c-1', 'c'.repeat(255)),
    agentId: fc.constantFrom('0b9f1c3e-6a51-4c1e-9a0e-3d2f1b7c8a90'),
    at: instant,
    durationSeconds: fc.integer({ min: 0, max: 86400 }),
    severity: fc.integer({ min: 1, max: 3 }),
    source: fc.constantFrom('sentiment', 'agent', 'supervisor'),
  })
  .map(({ durationSeconds, severity, source, ...base }) =>
    base.type === 'call.ended'
      ? { ...base, durationSeconds }
      : base.type === 'call.hostile'
        ? { ...base, severity, source }
        : base,
  );
const anyEvent = fc.oneof(
  { weight: 4, arbitrary: validEvent },
  { weight: 1, arbitrary: callEvent },
);
const eventBatch = fc.oneof(
  fc.record({ events: fc.array(anyEvent, { minLength: 0, maxLength: 3 }) }),
  fc.record({ events: fc.array(anyEvent, { minLength: 1, maxLength: 2 }), extra: text }),
);

const criteria = {
  dialect: nearly(text),
  minProficiency: nearly(fc.integer({ min: 0, max: 6 })),
  skills: nearly(fc.array(text, { maxLength: 11 })),
};
const enqueueBody = fc.record(
  {
    callId: nearly(fc.constantFrom('call-1', 'a84b@pbx.example', 'c'.repeat(256), 'a b')),
    ...criteria,
    priority: nearly(fc.integer({ min: -1, max: 10 })),
    callerRef: nearly(
      fc.constantFrom('hash-1', 'r'.repeat(200), 'r'.repeat(201), '+86 138', '电话'),
    ),
    fallback: nearly(
      fc.array(
        fc.record(
          { afterSeconds: nearly(fc.integer({ min: 0, max: 3601 })), ...criteria, extra: text },
          { requiredKeys: [] },
        ),
        { maxLength: 6 },
      ),
    ),
    teamId: text,
  },
  { requiredKeys: [] },
);
const validCriteria = {
  dialect: fc.constantFrom('cmn', 'yue', 'cmn-x-wuhan'),
  minProficiency: fc.integer({ min: 1, max: 5 }),
  skills: fc.array(fc.constantFrom('returns', 'elder-care'), { maxLength: 2 }),
};
const validEnqueue = fc.record(
  {
    callId: fc.constantFrom('call-1', 'a84b@pbx.example'),
    ...validCriteria,
    priority: fc.integer({ min: 0, max: 9 }),
    callerRef: fc.constantFrom('hash-1', 'r'.repeat(200)),
    fallback: fc.array(
      fc.record(
        { afterSeconds: fc.integer({ min: 1, max: 3600 }), ...validCriteria },
        { requiredKeys: ['afterSeconds'] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['callId'] },
);
const anyEnqueue = fc.oneof(
  { weight: 2, arbitrary: validEnqueue },
  { weight: 3, arbitrary: enqueueBody },
);
const callStatusQuery = fc.dictionary(
  fc.constantFrom('waitSeconds', 'status', 'limit'),
  fc.oneof(
    fc.constantFrom('0', '1', '30', '31', '05', '-1', 'queued', 'offered', 'gone', ''),
    fc.array(fc.constantFrom('0', '5', 'queued'), { maxLength: 2 }),
  ),
  { maxKeys: 3 },
);

describe('router fast lane input', () => {
  it('reads the usual router queries and bodies', () => {
    expect(readAvailabilityQuery({ dialect: 'wuu', minProficiency: '3', limit: '5' })).toEqual({
      dialect: 'wuu',
      minProficiency: 3,
      limit: 5,
    });
    expect(readAvailabilityQuery({ skill: ['returns', 'elder-care'] })).toEqual({
      skills: ['returns', 'elder-care'],
      limit: 20,
    });
    expect(readReservationBody({ callId: 'c-1', dialect: 'yue', ttlSeconds: 30 })).toEqual({
      callId: 'c-1',
      dialect: 'yue',
      ttlSeconds: 30,
    });
    expect(readReservationId('0b9f1c3e-6a51-4c1e-9a0e-3d2f1b7c8a90')).toBe(
      '0b9f1c3e-6a51-4c1e-9a0e-3d2f1b7c8a90',
    );
  });

  it('leaves anything unusual to the full path', () => {
    expect(readAvailabilityQuery({ limit: '07' })).toBeUndefined();
    expect(readAvailabilityQuery({ dialect: '粤语' })).toBeUndefined();
    expect(readAvailabilityQuery({ teamId: 'x' })).toBeUndefined();
    expect(readReservationBody({ callId: 'c', dialect: null })).toBeUndefined();
    expect(readReservationBody({ callId: 'c', minProficiency: 2.5 })).toBeUndefined();
    expect(readReservationBody([{ callId: 'c' }])).toBeUndefined();
    expect(readReservationId('not-a-uuid')).toBeUndefined();
  });

  it('accepts a query only when the DTO accepts it, with the same values', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(fc.dictionary(queryKey, queryValue, { maxKeys: 5 }), async (query) => {
        const fast = readAvailabilityQuery(query);
        if (!fast) return;
        taken++;
        const dto = await throughPipe(query, 'query', AvailableAgentsQueryDto);
        expect(dto).not.toBe('refused');
        const d = dto as Record<string, unknown>;
        expect(fast).toEqual({
          ...(d.dialect !== undefined && { dialect: d.dialect }),
          ...(d.minProficiency !== undefined && { minProficiency: d.minProficiency }),
          ...(d.skill !== undefined && { skills: d.skill }),
          limit: d.limit ?? 20,
        });
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: a fair share of the draws took the fast lane.
    expect(taken).toBeGreaterThan(50);
  });

  it('accepts a reservation body only when the DTO accepts it, with the same values', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(reservationBody, async (raw) => {
        // JSON bodies are plain objects parsed from text.
        const body = JSON.parse(JSON.stringify(raw)) as unknown;
        const fast = readReservationBody(body);
        if (!fast) return;
        taken++;
        const dto = await throughPipe(body, 'body', CreateReservationDto);
        expect(dto).not.toBe('refused');
        expect(fast).toEqual({ ...(dto as object) });
      }),
      { numRuns: 1500 },
    );
    expect(taken).toBeGreaterThan(50);
  });
  it('accepts an event batch only when the DTO accepts it, with the same values', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(eventBatch, async (raw) => {
        const body = JSON.parse(JSON.stringify(raw)) as unknown;
        const fast = readCallEventBatch(body);
        if (!fast) return;
        taken++;
        const dto = await throughPipe(body, 'body', CallEventBatchDto);
        expect(dto).not.toBe('refused');
        expect(fast).toEqual((dto as { events: object[] }).events.map((e) => ({ ...e })));
      }),
      { numRuns: 2000 },
    );
    expect(taken).toBeGreaterThan(50);
  });
  it('accepts an enqueue body only when the DTO accepts it, with the same values', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(anyEnqueue, async (raw) => {
        const body = JSON.parse(JSON.stringify(raw)) as unknown;
        const fast = readEnqueueBody(body);
        if (!fast) return;
        taken++;
        const dto = await throughPipe(body, 'body', EnqueueCallDto);
        expect(dto).not.toBe('refused');
        expect(fast).toEqual(JSON.parse(JSON.stringify(dto)));
      }),
      { numRuns: 3000 },
    );
    expect(taken).toBeGreaterThan(300);
  });

  it('accepts a call-status query only when the DTO accepts it, with the same values', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(callStatusQuery, async (query) => {
        const fast = readCallStatusQuery(query);
        if (!fast) return;
        taken++;
        const dto = await throughPipe(query, 'query', CallWaitQueryDto);
        expect(dto).not.toBe('refused');
        const d = dto as Record<string, unknown>;
        expect(fast).toEqual({
          waitSeconds: d.waitSeconds ?? 0,
          ...(d.status !== undefined && { status: d.status }),
        });
      }),
      { numRuns: 1500 },
    );
    expect(taken).toBeGreaterThan(50);
  });
});

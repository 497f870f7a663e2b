import fc from 'fast-check';

/** Strings an attacker or a broken client sends: SQL, script, path tricks, control characters. */
export const NASTY_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE agents; --",
  '1; SELECT pg_sleep(5)',
  "' UNION SELECT password_hash FROM users --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}${7*7}',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\uFFFF\uD800',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '99999999999999999999999999999999',
  '2026-02-30T25:61:00Z',
  '0000-00-00',
  'not-a-date',
  '2026-13-01',
  '+275760-09-13T00:00:00.001Z',
  'Mars/Olympus_Mons',
  'UTC+25',
  'Etc/GMT+99',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
  '😀'.repeat(300),
  'null',
  'true',
  '[]',
  '{}',
];

const HUGE_NUMBERS = [
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  2 ** 31,
  -(2 ** 31) - 1,
  0.1 + 0.2,
  -1,
  0,
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('Asia/Shanghai', 'UTC', 'cmn', 'yue', 'router', 'available'),
    },
  );

export const hostileNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(...HUGE_NUMBERS),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  );

/** Any JSON value, biased to the nasty ones, nesting limited. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      hostileString(),
      hostileNumber(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(hostileKey(), tie('value'), { maxKeys: 4 }),
    ),
  })).value;

const hostileKey = () =>
  fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'id', 'role', 'roles', '$where', 'note'),
    fc.string({ maxLength: 10 }),
  );

/** A body shaped like the documented schema (right names, wrong values), or anything at all. */
export const hostileBody = (propertyNames: string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: propertyNames.length
        ? fc.record(
            Object.fromEntries(propertyNames.map((n) => [n, hostileValue()])) as Record<
              string,
              fc.Arbitrary<unknown>
            >,
            { requiredKeys: [] },
          )
        : fc.dictionary(hostileKey(), hostileValue(), { maxKeys: 4 }),
    },
    { weight: 1, arbitrary: hostileValue() },
  );

/** Deeply nested JSON as raw text (under the body limit). */
export const deepJson = (depth: number) => `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`;

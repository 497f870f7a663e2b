import fc from 'fast-check';
import { availabilityStatement, holdStatement } from './routing-statements';

const catalog = new Map([
  ['cmn', 'dialect'],
  ['yue', 'dialect'],
  ['billing', 'skill'],
]);
const placeholders = (text: string) =>
  new Set([...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));

describe('routing statements', () => {
  it('binds exactly one value per placeholder, for every filter shape', () => {
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom('cmn', 'yue'), { nil: undefined }),
        fc.array(fc.constantFrom('billing', 'returns'), { maxLength: 3 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        fc.option(fc.constant('00000000-0000-0000-0000-00000000000a'), { nil: undefined }),
        (dialect, skills, minProficiency, teamId) => {
          const filter = { dialect, skills, minProficiency, teamId };
          for (const s of [
            availabilityStatement(filter, 20, new Date(0), catalog),
            holdStatement(
              { ...filter, callId: 'c1' },
              new Date(0),
              '00000000-0000-0000-0000-000000000001',
            ),
          ]) {
            const used = placeholders(s.text);
            expect(used.size).toBe(s.values.length);
            expect(Math.max(...used)).toBe(s.values.length);
          }
        },
      ),
    );
  });

  it('reuses the availability text per filter shape and driving tag, and binds the request values', () => {
    const a = availabilityStatement(
      { dialect: 'yue', minProficiency: 3 },
      20,
      new Date(0),
      catalog,
    );
    const b = availabilityStatement({ dialect: 'yue' }, 20, new Date(1000), catalog);
    expect(b.text).toBe(a.text);
    expect(availabilityStatement({ dialect: 'cmn' }, 20, new Date(0), catalog).text).not.toBe(
      a.text,
    );
    expect(b.values).toEqual([
      new Date(1000),
      new Date(1000).toISOString(),
      ['cmn', 'yue'],
      ['billing'],
      'yue',
      1,
    ]);
  });

  it('writes the limit into the text, where a generic plan can see it', () => {
    const five = availabilityStatement({ dialect: 'yue' }, 5, new Date(0), catalog);
    expect(five.text).toMatch(/LIMIT 5\) c/);
    expect(availabilityStatement({ dialect: 'yue' }, 20, new Date(0), catalog).text).toMatch(
      /LIMIT 20\) c/,
    );
    expect(availabilityStatement({}, 200.7, new Date(0), catalog).text).toMatch(/LIMIT 200\) c/);
  });

  it('starts a tagged query from the per-tag routing index, an untagged one from presence', () => {
    expect(availabilityStatement({ dialect: 'cmn' }, 20, new Date(0), catalog).text).toMatch(
      /FROM agent_tags rt JOIN agent_presence p/,
    );
    expect(holdStatement({ skills: ['billing'], callId: 'c' }, new Date(0), 'id').text).toMatch(
      /rt\.tag = 'billing' AND rt\.tag = \$\d+ AND rt\.presence_state IN/,
    );
    expect(availabilityStatement({}, 20, new Date(0), catalog).text).not.toMatch(/agent_tags rt/);
  });

  it('writes the driving tag into the text for the generic plan, never a tag that is not plain', () => {
    const plain = availabilityStatement({ dialect: 'cmn-x-wuhan' }, 20, new Date(0), catalog);
    expect(plain.text).toMatch(/rt\.tag = 'cmn-x-wuhan' AND rt\.tag = \$5/);
    expect(plain.values[4]).toBe('cmn-x-wuhan');
    for (const odd of ["x'; DROP TABLE agents; --", 'a b', 'ü', 'a'.repeat(41)]) {
      const text = holdStatement({ dialect: odd, callId: 'c' }, new Date(0), 'id').text;
      expect(text).not.toContain(odd);
      expect(text).toMatch(/AND rt\.tag = \$\d+ AND rt\.presence_state IN/);
    }
  });
});

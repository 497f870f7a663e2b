import fc from 'fast-check';
import { parseCsv, readAgentsCsv } from './agent-import';

const HEADER = 'external_id,display_name,dialects,skills';

describe('agent CSV import (pure)', () => {
  it('reads good rows with their tags', () => {
    const r = readAgentsCsv(
      `${HEADER}\r\n8001,Wang Fang,cmn:5;cmn-x-wuhan:4,returns:3\n8002,"Li, Na",cmn:4,\n`,
    );
    expect(r.header).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        line: 2,
        externalId: '8001',
        displayName: 'Wang Fang',
        dialects: [
          { tag: 'cmn', proficiency: 5 },
          { tag: 'cmn-x-wuhan', proficiency: 4 },
        ],
        skills: [{ tag: 'returns', proficiency: 3 }],
      },
      {
        line: 3,
        externalId: '8002',
        displayName: 'Li, Na',
        dialects: [{ tag: 'cmn', proficiency: 4 }],
        skills: [],
      },
    ]);
  });

  it('reports each bad row by its file line and field', () => {
    const r = readAgentsCsv(
      [HEADER, '8001,A,cmn:5,', '', '8001,B,cmn:5,', ',C,cmn:9,', '8004,,,returns:x'].join('\n'),
    );
    expect(r.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [4, 'external_id', 'DUPLICATE_IN_FILE'],
      [5, 'external_id', 'REQUIRED'],
      [5, 'dialects', 'INVALID_FORMAT'],
      [6, 'display_name', 'REQUIRED'],
      [6, 'dialects', 'REQUIRED'],
      [6, 'skills', 'INVALID_FORMAT'],
    ]);
  });

  it('refuses a header without the required columns or with unknown ones', () => {
    expect(readAgentsCsv('id,name\n1,a').header).toEqual({
      missing: ['external_id', 'display_name', 'dialects'],
      unknown: ['id', 'name'],
    });
  });

  it('parses any CSV it would write (quotes, commas, newlines)', () => {
    const cell = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const width = rows[0].length;
          const table = rows.map((r) => [...r, ...Array(width).fill('')].slice(0, width));
          const text = table
            .map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(','))
            .join('\r\n');
          expect(parseCsv(text)).toEqual(table);
        },
      ),
    );
  });
});

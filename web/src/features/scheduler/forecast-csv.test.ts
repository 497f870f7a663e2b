import { describe, expect, it } from 'vitest';
import { parseForecastCsv } from './forecast-csv';

describe('parseForecastCsv', () => {
  it('keeps good rows and names each bad one by its line in the file', () => {
    const csv = [
      'start,dialect,calls,ahtSeconds',
      '2026-01-06T00:00:00Z,,40,180',
      '2026-01-06T00:30:00+08:00,yue,12,200',
      'yesterday,,10,180',
      '2026-01-06T01:00:00Z,,-1,180',
      '',
      '2026-01-06T01:00:00Z,,10,0',
      '2026-01-06T01:10:00Z,,10,180',
      '2026-01-06T00:00:00Z,,41,180',
      '2026-01-06T01:30:00Z,Klingon!,3,180',
      '2026-01-06T02:00:00Z,,7',
    ].join('\n');
    const parsed = parseForecastCsv(csv, 30);
    expect(parsed.rows).toEqual([
      { start: '2026-01-06T00:00:00.000Z', calls: 40, ahtSeconds: 180 },
      { start: '2026-01-05T16:30:00.000Z', calls: 12, ahtSeconds: 200, dialect: 'yue' },
    ]);
    expect(parsed.errors.map((e) => [e.line, e.problem])).toEqual([
      [4, 'start'],
      [5, 'calls'],
      [7, 'aht'],
      [8, 'offGrid'],
      [9, 'duplicate'],
      [10, 'dialect'],
      [11, 'columns'],
    ]);
    expect(parsed.dialects).toEqual(['', 'yue']);
  });

  it('refuses a file without the needed columns, and an empty one', () => {
    expect(parseForecastCsv('when,calls\n2026-01-06T00:00:00Z,4', 30).fileProblem).toBe('header');
    expect(parseForecastCsv('\n  \n', 30).fileProblem).toBe('empty');
    // `aht` is accepted for ahtSeconds, columns in any order, a BOM is ignored.
    const ok = parseForecastCsv('\uFEFFcalls,aht,start\n5,120,2026-01-06T00:00:00Z', 15);
    expect(ok.rows).toEqual([{ start: '2026-01-06T00:00:00.000Z', calls: 5, ahtSeconds: 120 }]);
  });
});

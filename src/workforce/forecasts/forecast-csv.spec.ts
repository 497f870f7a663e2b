import { forecastFromHistory, parseForecastCsv } from './forecast-csv';

describe('forecast CSV and history', () => {
  it('parses rows with and without dialect and reports bad lines', () => {
    const { rows, errors } = parseForecastCsv(
      'start,dialect,calls,ahtSeconds\n2026-01-05T01:00:00Z,,100,180\n2026-01-05T01:30:00Z,yue,20,200\nbad,,1,1\n',
    );
    expect(rows).toEqual([
      { start: '2026-01-05T01:00:00Z', calls: 100, ahtSeconds: 180 },
      { start: '2026-01-05T01:30:00Z', dialect: 'yue', calls: 20, ahtSeconds: 200 },
    ]);
    expect(errors).toEqual(['line 4: start must be an ISO time with zone']);
    expect(parseForecastCsv('a,b\n1,2').errors[0]).toMatch(/header/);
  });

  it('weights the same weekday and interval of past weeks', () => {
    const week = 7 * 24 * 3_600_000;
    const t = Date.parse('2026-02-02T02:00:00Z');
    const history = [
      { start: t - week, calls: 100, handleSeconds: 100 * 200 },
      { start: t - 2 * week, calls: 50, handleSeconds: 50 * 100 },
    ];
    const [f] = forecastFromHistory(history, [t], [0.5, 0.5]);
    expect(f.calls).toBe(75);
    expect(f.ahtSeconds).toBeCloseTo((0.5 * 20000 + 0.5 * 5000) / 75, 6);
  });

  it('looks back to the same wall-clock time across a daylight-saving change', () => {
    // Berlin moves to summer time on Sunday 29 March 2026: Monday 30 March 09:00 is 07:00Z, the
    // Monday before at 09:00 was 08:00Z, 167 hours earlier.
    const t = Date.parse('2026-03-30T07:00:00Z');
    const history = [
      { start: Date.parse('2026-03-23T08:00:00Z'), calls: 40, handleSeconds: 40 * 300 },
      { start: t - 7 * 24 * 3_600_000, calls: 2, handleSeconds: 2 * 100 },
    ];
    const [f] = forecastFromHistory(history, [t], [1], 'Europe/Berlin');
    expect(f).toEqual({ start: t, calls: 40, ahtSeconds: 300 });
  });
});

import { DateTime } from 'luxon';

/** Parses an interval forecast CSV: header `start,calls,ahtSeconds` with optional `dialect` column. Pure. */
export interface ForecastRow {
  start: string;
  dialect?: string;
  calls: number;
  ahtSeconds: number;
}

export function parseForecastCsv(csv: string): { rows: ForecastRow[]; errors: string[] } {
  const lines = csv
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const errors: string[] = [];
  if (lines.length === 0) return { rows: [], errors: ['the CSV is empty'] };
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name.toLowerCase());
  const iStart = col('start');
  const iCalls = col('calls');
  const iAht = col('ahtSeconds') >= 0 ? col('ahtSeconds') : col('aht');
  const iDialect = col('dialect');
  if (iStart < 0 || iCalls < 0 || iAht < 0)
    return {
      rows: [],
      errors: ['the header must name start, calls and ahtSeconds (dialect optional)'],
    };
  const rows: ForecastRow[] = [];
  lines.slice(1).forEach((line, k) => {
    const cells = line.split(',').map((c) => c.trim());
    const start = cells[iStart];
    const calls = Number(cells[iCalls]);
    const aht = Number(cells[iAht]);
    const dialect = iDialect >= 0 ? cells[iDialect] : '';
    if (!start || Number.isNaN(Date.parse(start)) || !/Z$|[+-]\d{2}:?\d{2}$/.test(start))
      errors.push(`line ${k + 2}: start must be an ISO time with zone`);
    else if (!Number.isFinite(calls) || calls < 0) errors.push(`line ${k + 2}: calls must be ≥ 0`);
    else if (!Number.isFinite(aht) || aht <= 0)
      errors.push(`line ${k + 2}: ahtSeconds must be > 0`);
    else rows.push({ start, calls, ahtSeconds: aht, ...(dialect ? { dialect } : {}) });
  });
  return { rows, errors };
}

/**
 * A forecast from history: for each target interval, the weighted mean of the same weekday and time of
 * day over the last weeks (weights newest first, e.g. [0.4, 0.3, 0.2, 0.1]). AHT is call-weighted.
 * "The same time" is the site's wall clock (`timeZone`): across a daylight-saving change, 09:00 a week
 * earlier is 167 or 169 hours back, not 168.
 */
export function forecastFromHistory(
  history: Array<{ start: number; calls: number; handleSeconds: number }>,
  targets: number[],
  weights: number[] = [0.4, 0.3, 0.2, 0.1],
  timeZone = 'UTC',
): Array<{ start: number; calls: number; ahtSeconds: number }> {
  const byStart = new Map(history.map((h) => [h.start, h]));
  return targets.map((t) => {
    const local = DateTime.fromMillis(t, { zone: timeZone });
    let calls = 0;
    let handle = 0;
    let weightSum = 0;
    weights.forEach((w, k) => {
      const h = byStart.get(local.minus({ weeks: k + 1 }).toMillis());
      weightSum += w;
      if (!h) return;
      calls += w * h.calls;
      handle += w * h.handleSeconds;
    });
    return {
      start: t,
      calls: weightSum > 0 ? calls / weightSum : 0,
      ahtSeconds: calls > 0 ? handle / calls : 0,
    };
  });
}

/**
 * A forecast CSV read in the browser before anything is sent: header `start,calls,ahtSeconds` with an
 * optional `dialect` column (the service's format), each row checked and its problem named by line. Pure.
 */
export interface ForecastRow {
  start: string;
  dialect?: string;
  calls: number;
  ahtSeconds: number;
}

export type RowProblem =
  'start' | 'calls' | 'aht' | 'dialect' | 'columns' | 'offGrid' | 'duplicate';

export interface ParsedForecast {
  rows: ForecastRow[];
  /** Line numbers as in the file (the header is line 1). */
  errors: Array<{ line: number; problem: RowProblem; value: string }>;
  /** Set when the file cannot be read at all (no rows are kept then). */
  fileProblem?: 'empty' | 'header';
  dialects: string[];
}

const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DIALECT = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

export function parseForecastCsv(text: string, intervalMinutes: number): ParsedForecast {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstLine = lines.findIndex((l) => l.trim().length > 0);
  if (firstLine < 0) return { rows: [], errors: [], fileProblem: 'empty', dialects: [] };
  const header = lines[firstLine].split(',').map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const iStart = col('start');
  const iCalls = col('calls');
  const iAht = col('ahtseconds', 'aht');
  const iDialect = col('dialect');
  if (iStart < 0 || iCalls < 0 || iAht < 0)
    return { rows: [], errors: [], fileProblem: 'header', dialects: [] };
  const rows: ForecastRow[] = [];
  const errors: ParsedForecast['errors'] = [];
  const seen = new Set<string>();
  const step = intervalMinutes * 60_000;
  for (let k = firstLine + 1; k < lines.length; k++) {
    const raw = lines[k].trim();
    if (!raw) continue;
    const line = k + 1;
    const cells = raw.split(',').map((c) => c.trim());
    if (cells.length < header.length) {
      errors.push({ line, problem: 'columns', value: raw });
      continue;
    }
    const start = cells[iStart];
    const at = Date.parse(start);
    if (!ZONED_ISO.test(start) || Number.isNaN(at)) {
      errors.push({ line, problem: 'start', value: start });
      continue;
    }
    if (at % step !== 0) {
      errors.push({ line, problem: 'offGrid', value: start });
      continue;
    }
    const calls = cells[iCalls] === '' ? NaN : Number(cells[iCalls]);
    if (!Number.isFinite(calls) || calls < 0 || calls > 1_000_000) {
      errors.push({ line, problem: 'calls', value: cells[iCalls] });
      continue;
    }
    const aht = cells[iAht] === '' ? NaN : Number(cells[iAht]);
    if (!Number.isFinite(aht) || aht < 1 || aht > 36_000) {
      errors.push({ line, problem: 'aht', value: cells[iAht] });
      continue;
    }
    const dialect = iDialect >= 0 ? cells[iDialect] : '';
    if (dialect && !DIALECT.test(dialect)) {
      errors.push({ line, problem: 'dialect', value: dialect });
      continue;
    }
    const key = `${at}|${dialect}`;
    if (seen.has(key)) {
      errors.push({ line, problem: 'duplicate', value: start });
      continue;
    }
    seen.add(key);
    rows.push({
      start: new Date(at).toISOString(),
      calls,
      ahtSeconds: aht,
      ...(dialect ? { dialect } : {}),
    });
  }
  const dialects = [...new Set(rows.map((r) => r.dialect ?? ''))].sort();
  return { rows, errors, dialects };
}

/**
 * Agents from a CSV file (pure): parsing and the checks a row can fail on its own or against the
 * rest of the file. What needs the database (known tags, ids already taken) is checked by the
 * service with the same error shape.
 *
 * Columns (header row, any order): external_id, display_name, dialects, skills.
 * Tags are `tag:proficiency` separated by `;` or `|`, e.g. `cmn:5;cmn-x-wuhan:4`.
 */

export interface ImportTag {
  tag: string;
  proficiency: number;
}

export interface ImportRow {
  /** 1-based line of the file (the header is line 1), as a spreadsheet shows it. */
  line: number;
  externalId: string;
  displayName: string;
  dialects: ImportTag[];
  skills: ImportTag[];
}

export interface RowError {
  line: number;
  field: string;
  code:
    | 'REQUIRED'
    | 'INVALID_FORMAT'
    | 'DUPLICATE_IN_FILE'
    | 'DUPLICATE_EXTERNAL_ID'
    | 'UNKNOWN_TAG'
    | 'DUPLICATE_TAG';
  message: string;
}

export const REQUIRED_COLUMNS = ['external_id', 'display_name', 'dialects'] as const;
const OPTIONAL_COLUMNS = ['skills'] as const;
export const MAX_IMPORT_ROWS = 2000;
const EXTERNAL_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const TAG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Splits CSV text into records (RFC 4180 quotes, CRLF or LF). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export type HeaderProblem = { missing: string[]; unknown: string[] };

/**
 * Reads the file into rows and the errors each row has on its own or against earlier rows.
 * A bad header is reported apart (no row can be read without it).
 */
export function readAgentsCsv(text: string): {
  header: HeaderProblem | null;
  rows: ImportRow[];
  errors: RowError[];
} {
  const records = parseCsv(text).filter((r) => r.some((f) => f.trim() !== ''));
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter(
    (h) =>
      !(REQUIRED_COLUMNS as readonly string[]).includes(h) &&
      !(OPTIONAL_COLUMNS as readonly string[]).includes(h),
  );
  if (missing.length || unknown.length)
    return { header: { missing, unknown }, rows: [], errors: [] };
  const col = (name: string) => header.indexOf(name);
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  const firstLineOf = new Map<string, number>();
  // Lines as the file numbers them: blank lines were dropped above, so count them back.
  const lines = lineNumbers(text);
  for (const [i, record] of records.slice(1).entries()) {
    const line = lines[i + 1] ?? i + 2;
    const get = (name: string) => (col(name) >= 0 ? (record[col(name)] ?? '').trim() : '');
    const rowErrors: RowError[] = [];
    const externalId = get('external_id');
    const displayName = get('display_name');
    if (!externalId)
      rowErrors.push({
        line,
        field: 'external_id',
        code: 'REQUIRED',
        message: 'external_id is empty',
      });
    else if (!EXTERNAL_ID.test(externalId))
      rowErrors.push({
        line,
        field: 'external_id',
        code: 'INVALID_FORMAT',
        message: 'letters, digits, . _ - only, at most 64',
      });
    else if (firstLineOf.has(externalId))
      rowErrors.push({
        line,
        field: 'external_id',
        code: 'DUPLICATE_IN_FILE',
        message: `also on line ${firstLineOf.get(externalId)}`,
      });
    else firstLineOf.set(externalId, line);
    if (!displayName)
      rowErrors.push({
        line,
        field: 'display_name',
        code: 'REQUIRED',
        message: 'display_name is empty',
      });
    else if (displayName.length > 100)
      rowErrors.push({
        line,
        field: 'display_name',
        code: 'INVALID_FORMAT',
        message: 'at most 100 characters',
      });
    const dialects = readTags(get('dialects'), 'dialects', line, rowErrors);
    if (dialects.length === 0 && !rowErrors.some((e) => e.field === 'dialects'))
      rowErrors.push({
        line,
        field: 'dialects',
        code: 'REQUIRED',
        message: 'at least one dialect',
      });
    const skills = readTags(get('skills'), 'skills', line, rowErrors);
    const all = [...dialects, ...skills].map((t) => t.tag);
    const twice = all.find((t, k) => all.indexOf(t) !== k);
    if (twice)
      rowErrors.push({
        line,
        field: 'dialects',
        code: 'DUPLICATE_TAG',
        message: `${twice} is listed twice`,
      });
    errors.push(...rowErrors);
    rows.push({ line, externalId, displayName, dialects, skills });
  }
  return { header: null, rows, errors };
}

function readTags(cell: string, field: string, line: number, errors: RowError[]): ImportTag[] {
  if (!cell) return [];
  const out: ImportTag[] = [];
  for (const part of cell
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([^:\s]+)\s*:\s*(\d+)$/.exec(part);
    const proficiency = m ? Number(m[2]) : NaN;
    if (!m || !TAG.test(m[1]) || proficiency < 1 || proficiency > 5) {
      errors.push({
        line,
        field,
        code: 'INVALID_FORMAT',
        message: `"${part}" is not tag:proficiency (1 to 5)`,
      });
      continue;
    }
    out.push({ tag: m[1], proficiency });
  }
  return out;
}

/** The file line each non-blank record starts on (quoted newlines make records span lines). */
function lineNumbers(text: string): number[] {
  const out: number[] = [];
  let line = 1;
  let quoted = false;
  let start = true;
  let blank = true;
  let startLine = 1;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i <= src.length; i++) {
    const c = src[i];
    if (start) {
      startLine = line;
      start = false;
      blank = true;
    }
    if (c === undefined || (!quoted && (c === '\n' || c === '\r'))) {
      if (!blank) out.push(startLine);
      if (c === '\r' && src[i + 1] === '\n') i++;
      line++;
      start = true;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (quoted && c === '\n') line++;
    if (c !== ',' && c.trim() !== '') blank = false;
  }
  return out;
}

import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = join(tmpdir(), 'shiftwell-reliability-logs');

/** A fresh log file for one suite's apps (LOG_FILE), debug level so everything is written. */
export function logFileFor(suite: string): string {
  mkdirSync(DIR, { recursive: true });
  return join(DIR, `${suite}-${process.pid}-${Date.now().toString(36)}.log`);
}

/** Environment for a TestApp or replica whose every log line goes to `file`. */
export const loggingEnv = (file: string) => ({ LOG_LEVEL: 'debug', LOG_FILE: file });

/** Shapes of credentials that must never appear in a log line, whoever's they are. */
const CREDENTIAL_SHAPES: Array<[string, RegExp]> = [
  ['JWT', /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['API key', /sw_[A-Za-z0-9_-]{40,}/],
  ['password hash', /\$argon2id?\$/],
  ['bearer header', /Bearer\s+[A-Za-z0-9._-]{10,}/i],
];

/**
 * Lines of the captured logs that leak a known secret (passwords, tokens, keys, notes)
 * or anything shaped like a credential. Returns `[]` when clean.
 */
export function leaksIn(files: string[], secrets: string[]): string[] {
  const found: string[] = [];
  const known = secrets.filter((s) => s && s.length >= 6);
  for (const file of files) {
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const line of lines) {
      if (!line) continue;
      for (const s of known)
        if (line.includes(s)) found.push(`secret in ${file}: ${line.slice(0, 300)}`);
      for (const [what, re] of CREDENTIAL_SHAPES)
        if (re.test(line)) found.push(`${what} in ${file}: ${line.slice(0, 300)}`);
    }
  }
  return found;
}

/** Number of log lines written, to prove the capture really captured something. */
export function lineCount(files: string[]): number {
  return files
    .filter((f) => existsSync(f))
    .reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').filter(Boolean).length, 0);
}

/** Error name, message and top frames of every request the filter answered with a bare 500. */
export function internalErrorsIn(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { statusCode?: number; path?: string; err?: unknown })
    .filter((entry) => entry.statusCode === 500)
    .map((entry) => {
      const err = entry.err as { name?: string; message?: string; stack?: string } | string;
      const what =
        typeof err === 'string'
          ? err
          : `${err?.name}: ${err?.message} ${(err?.stack ?? '').split('\n').slice(1, 4).join(' | ')}`;
      return `${entry.path} ${what}`;
    });
}

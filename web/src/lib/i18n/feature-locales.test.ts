/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { leftInEnglish } from './left-in-english';

// Per-feature namespace files (locales/<lang>/<feature>.json): both languages complete.
const en = import.meta.glob<Record<string, unknown>>('./locales/en/*.json', {
  eager: true,
  import: 'default',
});
const zh = import.meta.glob<Record<string, unknown>>('./locales/zh-CN/*.json', {
  eager: true,
  import: 'default',
});

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object'
      ? keys(v as Record<string, unknown>, `${prefix}${k}.`)
      : [prefix + k],
  );
}

describe('feature namespaces', () => {
  it('every namespace exists in both languages with the same keys, and the Chinese is Chinese', () => {
    const names = Object.keys(en).map((p) => p.split('/').pop());
    expect(names.length).toBeGreaterThan(0);
    expect(Object.keys(zh).map((p) => p.split('/').pop())).toEqual(names);
    for (const name of names) {
      const a = en[`./locales/en/${name}`];
      const b = zh[`./locales/zh-CN/${name}`];
      expect(keys(b).sort()).toEqual(keys(a).sort());
      const strings = (o: Record<string, unknown>): string[] =>
        Object.values(o).flatMap((v) =>
          typeof v === 'object' && v ? strings(v as Record<string, unknown>) : [String(v)],
        );
      const english = strings(b).filter(leftInEnglish);
      expect(english).toEqual([]);
    }
  });
});

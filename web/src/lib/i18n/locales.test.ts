import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { initialLanguage } from './index';
import { leftInEnglish } from './left-in-english';

/** Every key path, with i18next plural suffixes folded into the base key. */
function keys(obj: Record<string, unknown>, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix + k.replace(/_(zero|one|two|few|many|other)$/, '');
    if (v && typeof v === 'object')
      keys(v as Record<string, unknown>, path + '.').forEach((x) => out.add(x));
    else out.add(path);
  }
  return out;
}

describe('languages', () => {
  it('Chinese and English are both complete', () => {
    const a = keys(en);
    const b = keys(zhCN);
    expect([...a].filter((k) => !b.has(k))).toEqual([]);
    expect([...b].filter((k) => !a.has(k))).toEqual([]);
  });

  it('no Chinese string is left in English', () => {
    const leftovers: string[] = [];
    const walk = (o: Record<string, unknown>, p: string) => {
      for (const [k, v] of Object.entries(o)) {
        if (typeof v === 'object' && v) walk(v as Record<string, unknown>, `${p}${k}.`);
        else if (typeof v === 'string' && leftInEnglish(v)) leftovers.push(p + k);
      }
    };
    walk(zhCN, '');
    expect(leftovers).toEqual([]);
  });

  it("follows the person's choice, else the browser: Chinese or English", () => {
    expect(initialLanguage(null, ['en-US'])).toBe('en');
    expect(initialLanguage(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLanguage('en', ['zh-CN'])).toBe('en');
    expect(initialLanguage(null, ['fr-FR'])).toBe('zh-CN');
  });
});

import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { nameOfTag } from './tag-names';

async function tIn(lng: string) {
  const i18n = createInstance();
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng,
    fallbackLng: 'en',
  });
  return i18n.t;
}

describe('dialect and skill names', () => {
  it('names the seeded tags in the person’s language', async () => {
    const zh = await tIn('zh-CN');
    expect(nameOfTag(zh, 'dialect', 'cmn-x-wuhan', 'Wuhan')).toBe('武汉话');
    expect(nameOfTag(zh, 'skill', 'returns', 'Returns')).toBe('退换货');
    expect(nameOfTag(zh, 'dialect', 'cmn-x-sichuan')).toBe('四川话');
    expect(nameOfTag(await tIn('en'), 'dialect', 'wuu', 'Shanghainese/Wu')).toBe('Shanghainese/Wu');
  });

  it('keeps a label an admin wrote, and a tag the dictionary does not know', async () => {
    const zh = await tIn('zh-CN');
    expect(nameOfTag(zh, 'dialect', 'cmn-x-wuhan', '汉口话')).toBe('汉口话');
    expect(nameOfTag(zh, 'dialect', 'hak', 'Hakka')).toBe('Hakka');
    expect(nameOfTag(zh, 'skill', 'vip')).toBe('vip');
  });
});

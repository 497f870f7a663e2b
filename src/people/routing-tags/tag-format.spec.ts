import { normaliseTag } from './tag-format';

describe('normaliseTag', () => {
  it.each([
    ['cmn', 'cmn'],
    ['cmn-x-wuhan', 'cmn-x-wuhan'],
    ['cmn-x-sichuan', 'cmn-x-sichuan'],
    ['yue', 'yue'],
    ['zh-hant-hk', 'zh-Hant-HK'],
    ['nan-TW', 'nan-TW'],
    ['EN', 'en'],
  ])('accepts dialect %s as %s', (input, out) => expect(normaliseTag('dialect', input)).toBe(out));

  it.each([
    '',
    'c',
    'wuhan dialect',
    'cmn_x_wuhan',
    'cmn-x-',
    '1cmn',
    'cmn-x-waytoolongsubtag',
    "cmn'--",
  ])('rejects dialect %p', (input) => expect(normaliseTag('dialect', input)).toBeNull());

  it.each(['elder-care', 'returns', 'billing', 'vip2'])('accepts skill %s', (s) =>
    expect(normaliseTag('skill', s)).toBe(s),
  );
  it.each(['Elder-Care', 'elder care', '-returns', 'returns-', 'a--b', '2fa'])(
    'rejects skill %p',
    (s) => expect(normaliseTag('skill', s)).toBeNull(),
  );
});

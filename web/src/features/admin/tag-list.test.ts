import { describe, expect, it } from 'vitest';
import { choicesFor, sameTags, tagLabel, tagWithCode, withNextTag } from './tag-list';

const catalogue = [
  { tag: 'cmn', label: '普通话', retiredAt: null },
  { tag: 'cmn-x-wuhan', label: '武汉话', retiredAt: null },
  { tag: 'yue', label: '粤语', retiredAt: null },
  { tag: 'wuu', label: '吴语', retiredAt: '2026-11-01T00:00:00Z' },
];

describe('an agent’s tags in the editor', () => {
  it('names a tag by its label and code, and shows an unknown code as it is', () => {
    expect(tagWithCode('cmn-x-wuhan', catalogue)).toBe('武汉话 (cmn-x-wuhan)');
    expect(tagLabel('yue', catalogue)).toBe('粤语');
    expect(tagWithCode('klingon', catalogue)).toBe('klingon');
  });

  it('offers each row its own tag and the tags no other row holds, never a retired one anew', () => {
    const list = [
      { tag: 'cmn', proficiency: 5 },
      { tag: 'wuu', proficiency: 4 },
    ];
    expect(choicesFor(list, 0, catalogue)).toEqual(['cmn', 'cmn-x-wuhan', 'yue']);
    // The retired tag stays on the agent who has it.
    expect(choicesFor(list, 1, catalogue)).toEqual(['wuu', 'cmn-x-wuhan', 'yue']);
  });

  it('adds the next free tag at level 3, and nothing once every tag is held', () => {
    let list = withNextTag([{ tag: 'cmn', proficiency: 5 }], catalogue);
    expect(list).toEqual([
      { tag: 'cmn', proficiency: 5 },
      { tag: 'cmn-x-wuhan', proficiency: 3 },
    ]);
    list = withNextTag(list, catalogue);
    expect(list.map((t) => t.tag)).toEqual(['cmn', 'cmn-x-wuhan', 'yue']);
    expect(withNextTag(list, catalogue)).toEqual(list);
  });

  it('sees nothing to save when the same tags come in another order', () => {
    const a = [
      { tag: 'cmn', proficiency: 5 },
      { tag: 'yue', proficiency: 3 },
    ];
    expect(sameTags(a, [...a].reverse())).toBe(true);
    expect(sameTags(a, [a[0], { tag: 'yue', proficiency: 4 }])).toBe(false);
    expect(sameTags(a, [a[0]])).toBe(false);
  });
});

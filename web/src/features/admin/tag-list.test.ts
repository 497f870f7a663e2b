import { describe, expect, it } from 'vitest';
import { formatTagList, parseTagList } from './tag-list';

describe('tag lists', () => {
  it('reads and writes the import notation, Chinese punctuation included', () => {
    const tags = [
      { tag: 'cmn', proficiency: 5 },
      { tag: 'cmn-x-wuhan', proficiency: 4 },
    ];
    expect(formatTagList(tags)).toBe('cmn:5;cmn-x-wuhan:4');
    expect(parseTagList('cmn:5; cmn-x-wuhan：4；')).toEqual({ tags, bad: null });
    expect(parseTagList('')).toEqual({ tags: [], bad: null });
  });

  it('names the first entry it cannot read', () => {
    expect(parseTagList('cmn:5;yue').bad).toBe('yue');
    expect(parseTagList('cmn:6').bad).toBe('cmn:6');
  });
});

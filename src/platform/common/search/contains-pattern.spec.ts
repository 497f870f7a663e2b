import { containsPattern } from './contains-pattern';

describe('containsPattern', () => {
  it('wraps the trimmed term in wildcards', () => expect(containsPattern(' li ')).toBe('%li%'));
  it('escapes the wildcards and the escape character a person types', () =>
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%'));
});

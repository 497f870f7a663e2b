import fc from 'fast-check';
import { csrfSatisfied, parseCookies, serializeCookie } from './cookies';

describe('session cookies', () => {
  it('parses a Cookie header, skipping malformed pairs and keeping the first of a name', () => {
    expect(parseCookies('a=1; b=two%20words; bad; =x; a=3; c="q"')).toEqual({
      a: '1',
      b: 'two words',
      c: 'q',
    });
    expect(parseCookies(undefined)).toEqual({});
  });

  it('round-trips any value through Set-Cookie and Cookie', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const set = serializeCookie('sw_x', value, { maxAgeSeconds: 60 });
        const pair = set.split('; ')[0];
        expect(parseCookies(pair).sw_x).toBe(value);
      }),
    );
  });

  it('marks cookies httpOnly and SameSite=Strict unless told otherwise', () => {
    const c = serializeCookie('sw_access', 't', { maxAgeSeconds: 300, secure: true });
    expect(c).toBe('sw_access=t; Path=/; Max-Age=300; SameSite=Strict; HttpOnly; Secure');
    expect(serializeCookie('sw_csrf', 't', { maxAgeSeconds: 1, httpOnly: false })).not.toContain(
      'HttpOnly',
    );
  });

  it('lets safe methods through and wants the echoed token on unsafe ones', () => {
    const token = 'a'.repeat(43);
    expect(csrfSatisfied('GET', token, undefined)).toBe(true);
    expect(csrfSatisfied('POST', token, token)).toBe(true);
    expect(csrfSatisfied('PUT', token, undefined)).toBe(false);
    expect(csrfSatisfied('DELETE', token, 'b'.repeat(43))).toBe(false);
    expect(csrfSatisfied('POST', undefined, undefined)).toBe(false);
    expect(csrfSatisfied('POST', 'short', 'short')).toBe(false);
  });
});

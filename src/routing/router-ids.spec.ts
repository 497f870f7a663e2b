import { CallIdParam, PRINTABLE_ID } from './router-ids';

describe('router ids', () => {
  it('takes a SIP Call-ID as the router sends it', () => {
    expect(CallIdParam.transform('a84b4c76e66710@pc33.atlanta.com')).toBe(
      'a84b4c76e66710@pc33.atlanta.com',
    );
    expect(CallIdParam.transform('x'.repeat(255))).toHaveLength(255);
  });

  it.each([
    ['empty', ''],
    ['with a space', 'has space'],
    ['not ASCII', '呼叫'],
    ['256 characters long', 'x'.repeat(256)],
  ])('answers 404 for an id %s: it names no call', (_label, value) => {
    expect(() => CallIdParam.transform(value)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });

  it('is the same rule the DTOs use', () => {
    expect(PRINTABLE_ID.test('abc@host')).toBe(true);
    expect(PRINTABLE_ID.test('a\tb')).toBe(false);
  });
});

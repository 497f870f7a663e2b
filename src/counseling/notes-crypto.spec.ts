import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { decryptNote, encryptNote, notesKey } from './notes-crypto';

describe('notes crypto (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('round-trips any text and never stores the plaintext', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4 }), (text) => {
        const stored = encryptNote(text, key, 'booking-1');
        expect(decryptNote(stored, key, 'booking-1')).toBe(text);
        expect(stored).not.toContain(text);
      }),
    );
  });

  it('uses a fresh IV each time', () => {
    expect(encryptNote('same', key, 'b')).not.toBe(encryptNote('same', key, 'b'));
  });

  it('refuses a tampered value, another booking, or another key', () => {
    const stored = encryptNote('The agent talked about a hard call.', key, 'b1');
    const parts = stored.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptNote(parts.join('.'), key, 'b1')).toThrow();
    expect(() => decryptNote(stored, key, 'b2')).toThrow();
    expect(() => decryptNote(stored, randomBytes(32), 'b1')).toThrow();
    expect(() => decryptNote('plain text', key, 'b1')).toThrow();
  });

  it('accepts only a 32-byte base64 key', () => {
    expect(notesKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(() => notesKey(randomBytes(16).toString('base64'))).toThrow();
  });
});

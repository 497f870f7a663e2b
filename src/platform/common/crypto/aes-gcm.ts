import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Text at rest (counselling notes, callbacks' dial targets): AES-256-GCM with a random 96-bit IV,
 * bound to its row's id as associated data (a ciphertext copied onto another row does not decrypt).
 * Stored as `v1.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
const VERSION = 'v1';

export function notesKey(base64Key: string): Buffer {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32) throw new Error('The key must be 32 bytes');
  return key;
}

export function encryptNote(plaintext: string, key: Buffer, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(boundTo, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** Throws when the stored value was tampered with, or belongs to another row or key. */
export function decryptNote(stored: string, key: Buffer, boundTo: string): string {
  const [version, iv, tag, body] = stored.split('.');
  if (version !== VERSION || iv === undefined || tag === undefined || body === undefined)
    throw new Error('Unrecognised notes format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(boundTo, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([
    decipher.update(Buffer.from(body, 'base64url')),
    decipher.final(),
  ]).toString('utf8');
}

/** Counselling notes at rest: AES-256-GCM bound to the booking id (the platform's sealed text). */
export { decryptNote, encryptNote, notesKey } from '../platform/common/crypto/aes-gcm';

import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** argon2id with the library's recommended parameters. */
export const hashPassword = (plain: string): Promise<string> =>
  argon2.hash(plain, { type: argon2.argon2id });

export const verifyPassword = async (hash: string, plain: string): Promise<boolean> => {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
};

let dummy: Promise<string> | undefined;
/** Verified against when the email is unknown, so timing does not reveal which emails exist. */
export const dummyHash = (): Promise<string> =>
  (dummy ??= hashPassword(randomBytes(16).toString('hex')));

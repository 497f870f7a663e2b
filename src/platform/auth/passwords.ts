import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * How much work a password hash costs (argon2id). `standard` is the library's recommendation
 * (64 MiB, 3 passes, 4 lanes); `minimum` is OWASP's floor for argon2id (19 MiB, 2 passes, 1 lane),
 * about a third of the time, for throw-away centres (tests, the simulator) and small hosts. A hash
 * records its own parameters, so either verifies hashes made under the other.
 */
export const PASSWORD_HASHING = ['standard', 'minimum'] as const;
export type PasswordHashing = (typeof PASSWORD_HASHING)[number];

const PARAMETERS: Record<PasswordHashing, argon2.HashOptions & { raw?: false }> = {
  standard: { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 },
  minimum: { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 },
};

export const hashPassword = (plain: string, hashing: PasswordHashing): Promise<string> =>
  argon2.hash(plain, PARAMETERS[hashing]);

export const verifyPassword = async (hash: string, plain: string): Promise<boolean> => {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
};

const dummies = new Map<PasswordHashing, Promise<string>>();
/**
 * Verified against when the email is unknown, so timing does not reveal which emails exist; made
 * at the service's own cost, so it takes as long as a real user's hash.
 */
export const dummyHash = (hashing: PasswordHashing): Promise<string> => {
  let dummy = dummies.get(hashing);
  if (!dummy)
    dummies.set(hashing, (dummy = hashPassword(randomBytes(16).toString('hex'), hashing)));
  return dummy;
};

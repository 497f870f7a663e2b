import { dummyHash, hashPassword, verifyPassword } from './passwords';

/** argon2's encoded hash: $argon2id$v=19$m=…,p=…,t=…$salt$hash */
const parametersOf = (hash: string) => hash.split('$')[3];

describe('password hashing', () => {
  it('hashes with argon2id at the chosen cost, and each verifies the other', async () => {
    const standard = await hashPassword('correct horse', 'standard');
    const minimum = await hashPassword('correct horse', 'minimum');
    expect(standard.startsWith('$argon2id$')).toBe(true);
    expect(parametersOf(standard)).toBe('m=65536,p=4,t=3');
    expect(parametersOf(minimum)).toBe('m=19456,p=1,t=2');
    expect(await verifyPassword(standard, 'correct horse')).toBe(true);
    expect(await verifyPassword(minimum, 'correct horse')).toBe(true);
    expect(await verifyPassword(minimum, 'correct horsf')).toBe(false);
    expect(await verifyPassword('not a hash', 'correct horse')).toBe(false);
  });

  it("makes the unknown-email dummy at the service's own cost, once", async () => {
    const dummy = await dummyHash('minimum');
    expect(parametersOf(dummy)).toBe('m=19456,p=1,t=2');
    expect(await dummyHash('minimum')).toBe(dummy);
    expect(parametersOf(await dummyHash('standard'))).toBe('m=65536,p=4,t=3');
  });
});

import { ConfigError, loadConfig, LOCAL_DEFAULTS } from './app-config';

describe('loadConfig', () => {
  it('uses documented local defaults outside production and says which', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.jwtSecret).toBe(LOCAL_DEFAULTS.jwtSecret);
    expect(config.bootstrapAdmin.password).toBe(LOCAL_DEFAULTS.bootstrapAdminPassword);
    expect(config.defaultsUsed).toEqual(
      expect.arrayContaining(['JWT_SECRET', 'BOOTSTRAP_ADMIN_PASSWORD', 'BOOTSTRAP_ADMIN_EMAIL']),
    );
  });

  it('trusts X-Forwarded-For only behind a configured proxy', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });

  it("hashes passwords at argon2's standard cost unless told OWASP's minimum", () => {
    expect(loadConfig({}).passwordHashing).toBe('standard');
    expect(loadConfig({ PASSWORD_HASHING: 'minimum' }).passwordHashing).toBe('minimum');
    expect(() => loadConfig({ PASSWORD_HASHING: 'none' })).toThrow(/PASSWORD_HASHING/);
  });

  it('names a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_TTL_SECONDS: '5' })).toThrow(/JWT_TTL_SECONDS/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
  });

  it('refuses to boot in production without a JWT secret or bootstrap password', () => {
    const base = {
      NODE_ENV: 'production',
      BOOTSTRAP_ADMIN_EMAIL: 'ops@example.com',
      NOTES_ENCRYPTION_KEY: LOCAL_DEFAULTS.notesEncryptionKey,
      CALLER_REF_SECRET: 'c'.repeat(40),
      CALLBACK_ENCRYPTION_KEY: LOCAL_DEFAULTS.callbackEncryptionKey,
    };
    expect(() => loadConfig({ ...base, BOOTSTRAP_ADMIN_PASSWORD: 'a-strong-password' })).toThrow(
      /JWT_SECRET is required/,
    );
    expect(() => loadConfig({ ...base, JWT_SECRET: 'x'.repeat(40) })).toThrow(
      /BOOTSTRAP_ADMIN_PASSWORD is required/,
    );
    expect(() =>
      loadConfig({
        ...base,
        JWT_SECRET: 'x'.repeat(40),
        BOOTSTRAP_ADMIN_PASSWORD: 'a-strong-password',
      }),
    ).not.toThrow();
  });

  it('rejects a notes key that is not 32 bytes', () => {
    expect(() => loadConfig({ NOTES_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(ConfigError);
  });

  it('rejects a callback key that is not 32 bytes, and requires one in production', () => {
    expect(() => loadConfig({ CALLBACK_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrow(
      /CALLBACK_ENCRYPTION_KEY/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        BOOTSTRAP_ADMIN_EMAIL: 'ops@example.com',
        BOOTSTRAP_ADMIN_PASSWORD: 'a-strong-password',
        JWT_SECRET: 'x'.repeat(40),
        NOTES_ENCRYPTION_KEY: LOCAL_DEFAULTS.notesEncryptionKey,
        CALLER_REF_SECRET: 'c'.repeat(40),
      }),
    ).toThrow(/CALLBACK_ENCRYPTION_KEY is required/);
  });
});

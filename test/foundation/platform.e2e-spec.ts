import { TestApp } from '../support/test-app';
import { readFileSync } from 'node:fs';
import { logFileFor, loggingEnv } from '../reliability/support/logs';

describe('platform: health, OpenAPI, error contract', () => {
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.create()));
  afterAll(() => t.close());

  it('answers /health with status ok when the database answers', async () => {
    const res = await t.http().get('/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('serves Swagger UI at /docs and the document at /docs-json', async () => {
    const html = await t.http().get('/docs').redirects(1).expect(200);
    expect(html.text).toContain('swagger');
    const doc = await t.http().get('/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.components.securitySchemes)).toEqual(
      expect.arrayContaining(['jwt', 'router-key']),
    );
  });

  it('lists every registered route in the OpenAPI document', async () => {
    const doc = (await t.http().get('/docs-json')).body;
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(ops))
        documented.add(`${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, ':p')}`);
    }
    const express = t.app.getHttpAdapter().getInstance();
    const stack = (express.router ?? express._router).stack as Array<{
      route?: { path: string; methods: Record<string, boolean> };
    }>;
    const routes = stack
      // Nest's own catch-all routes (every method at once) are not endpoints.
      .filter(
        (l) =>
          l.route && !l.route.path.startsWith('/docs') && Object.keys(l.route.methods).length < 5,
      )
      .flatMap((l) =>
        Object.keys(l.route!.methods).map(
          (m) => `${m.toUpperCase()} ${l.route!.path.replace(/:[A-Za-z]+/g, ':p')}`,
        ),
      );
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('renders unknown routes, malformed JSON, wrong content types and oversize bodies in the error shape', async () => {
    const notFound = await t
      .http()
      .get('/v1/nothing-here')
      .set(await t.asAdmin())
      .expect(404);
    expect(notFound.body).toMatchObject({
      statusCode: 404,
      error: 'NOT_FOUND',
      message: expect.any(String),
    });

    const malformed = await t
      .http()
      .post('/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'MALFORMED_JSON' });

    const wrongType = await t
      .http()
      .post('/v1/auth/login')
      .set('Content-Type', 'text/plain')
      .send('email=a')
      .expect(415);
    expect(wrongType.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');

    const huge = await t
      .http()
      .post('/v1/auth/login')
      .send({ email: 'a@b.cd', password: 'x'.repeat(400_000) })
      .expect(413);
    expect(huge.body.error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('echoes a request id for tracing', async () => {
    const res = await t.http().get('/health').set('X-Request-Id', 'trace-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-123');
  });
});

describe('platform: request logs', () => {
  const file = logFileFor('platform');
  let t: TestApp;
  beforeAll(async () => (t = await TestApp.create({ env: loggingEnv(file) })));
  afterAll(() => t.close());

  it('logs each API request once, with its id and path', async () => {
    await t.http().get('/v1/me').set('X-Request-Id', 'trace-log-7').expect(401);
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { msg?: string; req?: { id: string; url: string } });
    expect(lines.filter((l) => l.req?.id === 'trace-log-7')).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        req: expect.objectContaining({ url: '/v1/me' }),
      }),
    ]);
  });
});

import type { Test } from 'supertest';
import type { TestApp } from '../../support/test-app';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}
export type Schema = Record<string, any>;

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As documented: `/v1/agents/{agentId}`. */
  path: string;
  /** `GET /v1/agents/{agentId}`: the key of the authorisation policy table. */
  key: string;
  parameters: Parameter[];
  /** The JSON body schema, `$ref`s resolved one level at a time by `resolve`. */
  body?: Schema;
  security: string[];
  /** Answers text/event-stream: an open stream that never ends by itself. */
  eventStream: boolean;
}

export interface ApiDocument {
  operations: Operation[];
  /** Follows `$ref` into components.schemas. */
  resolve(schema: Schema | undefined): Schema | undefined;
}

/** Every operation of the service's own OpenAPI document (GET /docs-json). */
export async function loadApiDocument(t: TestApp): Promise<ApiDocument> {
  const doc = (await t.http().get('/docs-json').expect(200)).body;
  const resolve = (schema: Schema | undefined): Schema | undefined => {
    let s = schema;
    for (let i = 0; s?.$ref && i < 10; i++)
      s = doc.components.schemas[String(s.$ref).replace('#/components/schemas/', '')];
    if (s?.allOf?.length === 1) return resolve(s.allOf[0]);
    return s;
  };
  const operations: Operation[] = [];
  for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(ops)) {
      const upper = method.toUpperCase() as Operation['method'];
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(upper)) continue;
      operations.push({
        method: upper,
        path,
        key: `${upper} ${path}`,
        parameters: (op.parameters ?? []).map((p: any) => ({
          name: p.name,
          in: p.in,
          required: !!p.required,
          schema: p.schema ?? {},
        })),
        body: op.requestBody?.content?.['application/json']?.schema,
        eventStream: Object.keys(op.responses?.['200']?.content ?? {}).includes(
          'text/event-stream',
        ),
        security: (op.security ?? []).flatMap((s: Record<string, unknown>) => Object.keys(s)),
      });
    }
  }
  return { operations, resolve };
}

/** Fills `{name}` placeholders of a documented path. */
export function fillPath(path: string, values: (name: string) => string): string {
  // Lone surrogates cannot be percent-encoded; a client would send U+FFFD.
  const wellFormed = (v: string) =>
    v.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(wellFormed(values(name))),
  );
}

/**
 * A request to an event stream would wait forever for the end of the body: take the status and
 * headers of an opened stream and hang up (an error answer is read and parsed as usual).
 */
export function untilHeaders(req: Test, op: Operation): Test {
  if (!op.eventStream) return req;
  return req.buffer(true).parse((res, callback) => {
    let done = false;
    const finish = (body: unknown) => {
      if (done) return;
      done = true;
      callback(null, body);
    };
    if (String(res.headers['content-type']).startsWith('text/event-stream')) {
      finish({});
      (res as unknown as { destroy(): void }).destroy();
      return;
    }
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => {
      try {
        finish(JSON.parse(text));
      } catch {
        finish(text);
      }
    });
  });
}

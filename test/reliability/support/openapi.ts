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

import { Agent, request } from 'node:http';

export interface HttpAnswer<T = any> {
  status: number;
  body: T;
}

export class HttpError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: any,
  ) {
    super(`${method} ${path} → ${status} ${body?.error ?? ''}`);
  }
}

/**
 * A small JSON client over one keep-alive connection pool: the simulator's requests are many and
 * tiny, so it avoids per-request connection set-up. Never logs bodies or credentials.
 */
export class HttpClient {
  private readonly agent: Agent;
  /** Requests sent so far (the simulator reports how many a day took). */
  sent = 0;

  constructor(
    private readonly baseUrl: string,
    maxSockets = 16,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  /** Any status; the caller decides what an error means. */
  async send<T = any>(
    method: string,
    path: string,
    auth: Record<string, string>,
    body?: unknown,
  ): Promise<HttpAnswer<T>> {
    this.sent++;
    try {
      return await this.once<T>(method, path, auth, body);
    } catch (e) {
      // A kept-alive socket closed by the other side as the request went out: the request never
      // reached the service, so sending it again is safe (Node's documented remedy).
      if ((e as { retryable?: boolean }).retryable) return this.once<T>(method, path, auth, body);
      throw e;
    }
  }

  private once<T>(
    method: string,
    path: string,
    auth: Record<string, string>,
    body?: unknown,
  ): Promise<HttpAnswer<T>> {
    const url = new URL(path, this.baseUrl);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          headers: {
            accept: 'application/json',
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': String(payload.length) }
              : {}),
            ...auth,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: any = text;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              /* not JSON: keep the text */
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) =>
        reject(
          req.reusedSocket && e.code === 'ECONNRESET' ? Object.assign(e, { retryable: true }) : e,
        ),
      );
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** Expects a 2xx; anything else throws an HttpError with the error body. */
  async call<T = any>(
    method: string,
    path: string,
    auth: Record<string, string>,
    body?: unknown,
  ): Promise<T> {
    const res = await this.send<T>(method, path, auth, body);
    if (res.status < 200 || res.status >= 300)
      throw new HttpError(method, path, res.status, res.body);
    return res.body;
  }

  close(): void {
    this.agent.destroy();
  }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
export const apiKey = (key: string) => ({ 'x-api-key': key });

/** Runs `fn` over items with at most `limit` at once; results in the items' order. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

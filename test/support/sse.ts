/** A server-sent events client for tests: collects events and waits for the ones a test expects. */
export interface SseEvent {
  id: string;
  type: string;
  data: any;
  receivedAt: number;
}

export class SseClient {
  readonly events: SseEvent[] = [];
  private readonly abort = new AbortController();
  private waiters: Array<() => void> = [];
  status = 0;
  contentType = '';

  private constructor() {}

  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    const res = await fetch(url, { headers, signal: client.abort.signal });
    client.status = res.status;
    client.contentType = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || !res.body) return client;
    void client.read(res.body.getReader());
    // The stream says `: live` once any replay is written and it is subscribed.
    await client.until(() => client.live, 5000);
    return client;
  }

  private live = false;

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let text = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          if (block.startsWith(': live')) this.live = true;
          const fields = new Map<string, string>();
          for (const line of block.split('\n')) {
            const i = line.indexOf(':');
            if (i > 0) fields.set(line.slice(0, i), line.slice(i + 1).trimStart());
          }
          if (fields.has('data'))
            this.events.push({
              id: fields.get('id') ?? '',
              type: fields.get('event') ?? 'message',
              data: JSON.parse(fields.get('data')!),
              receivedAt: Date.now(),
            });
        }
        this.waiters.forEach((w) => w());
      }
    } catch {
      // aborted
    }
  }

  /** Resolves when `predicate` holds (checked on every chunk), rejects after `timeoutMs`. */
  until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        reject(
          new Error(
            `SSE: condition not met in ${timeoutMs} ms; got ${JSON.stringify(this.events.map((e) => [e.id, e.type, e.data.state ?? e.data.callId]))}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(check);
    });
  }

  of(type: string): SseEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  close(): void {
    this.abort.abort();
  }
}

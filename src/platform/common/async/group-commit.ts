import { AsyncLocalStorage } from 'node:async_hooks';

/** Runs a function in the async context it was taken in (request budget, log context). */
type Snapshot = <R>(fn: () => R) => R;

interface Waiting<I, O> {
  input: I;
  size: number;
  context: Snapshot;
  resolve: (out: O) => void;
  reject: (e: unknown) => void;
}

export interface GroupCommitOptions {
  /** Writes in flight at once; requests arriving meanwhile wait and go together into the next. */
  concurrency: number;
  /** A group holds at most this much (the sizes given to `submit`); a larger request goes alone. */
  maxSize: number;
  /**
   * Whether a failed group's requests are written alone (default: always). No for a failure every one
   * of them would meet again, such as the database being down: they all get it at once.
   */
  retryAlone?: (error: unknown) => boolean;
}

/**
 * Group commit: a request that arrives while earlier ones are being written waits for a free slot
 * and is written together with the others that waited, in one transaction. An idle service writes a
 * request at once, alone, so nothing waits that would not have waited anyway; under load the fixed
 * cost of a transaction (round trips, locks, the commit's WAL flush) is paid once per group.
 *
 * `writeGroup` answers every input of a group, in order. If it fails, each input of the group is
 * written alone, in arrival order, so one request's refusal (or a conflict) is that request's answer
 * only. A group's write runs in the async context of its oldest request (the tightest database
 * budget); a lone write in its own.
 */
export class GroupCommit<I, O> {
  private readonly waiting: Array<Waiting<I, O>> = [];
  private running = 0;

  constructor(
    private readonly writeGroup: (inputs: I[]) => Promise<O[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(input: I, size: number): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, size, context: AsyncLocalStorage.snapshot(), resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.options.concurrency && this.waiting.length > 0) {
      const group = this.takeGroup();
      this.running++;
      void this.write(group).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** The oldest waiting requests, in arrival order, up to `maxSize` (at least one). */
  private takeGroup(): Array<Waiting<I, O>> {
    let size = this.waiting[0].size;
    let n = 1;
    while (n < this.waiting.length && size + this.waiting[n].size <= this.options.maxSize) {
      size += this.waiting[n].size;
      n++;
    }
    return this.waiting.splice(0, n);
  }

  private async write(group: Array<Waiting<I, O>>): Promise<void> {
    if (group.length === 1) return this.writeAlone(group[0]);
    let outs: O[];
    try {
      outs = await group[0].context(() => this.writeGroup(group.map((w) => w.input)));
    } catch (e) {
      if (this.options.retryAlone && !this.options.retryAlone(e)) {
        for (const w of group) w.reject(e);
        return;
      }
      // One after another, in arrival order: each answered as if the requests had come one by one.
      for (const w of group) await this.writeAlone(w);
      return;
    }
    group.forEach((w, i) => w.resolve(outs[i]));
  }

  private async writeAlone(w: Waiting<I, O>): Promise<void> {
    try {
      const [out] = await w.context(() => this.writeGroup([w.input]));
      w.resolve(out);
    } catch (e) {
      w.reject(e);
    }
  }
}

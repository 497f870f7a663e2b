import { AsyncLocalStorage } from 'node:async_hooks';
import { GroupCommit } from './group-commit';

/** A write the test finishes by hand, so what waits and what goes together is decided by the test. */
function gatedWriter(fail: (inputs: string[]) => string | null = () => null) {
  const calls: string[][] = [];
  const gates: Array<() => void> = [];
  const writeGroup = async (inputs: string[]) => {
    calls.push(inputs);
    await new Promise<void>((resolve) => gates.push(resolve));
    const refused = fail(inputs);
    if (refused) throw new Error(refused);
    return inputs.map((i) => `ok:${i}`);
  };
  /** Lets the oldest write still open finish, then lets the promises settle. */
  const finishNext = async () => {
    gates.shift()!();
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { calls, writeGroup, finishNext };
}

describe('GroupCommit', () => {
  it('writes a request at once and alone when nothing is in flight', async () => {
    const w = gatedWriter();
    const commit = new GroupCommit(w.writeGroup, { concurrency: 1, maxSize: 10 });
    const a = commit.submit('a', 1);
    expect(w.calls).toEqual([['a']]);
    await w.finishNext();
    await expect(a).resolves.toBe('ok:a');
  });

  it('writes the requests that waited together, each answered with its own result', async () => {
    const w = gatedWriter();
    const commit = new GroupCommit(w.writeGroup, { concurrency: 1, maxSize: 10 });
    const a = commit.submit('a', 1);
    const rest = ['b', 'c', 'd'].map((x) => commit.submit(x, 1));
    expect(w.calls).toEqual([['a']]);
    await w.finishNext();
    expect(w.calls).toEqual([['a'], ['b', 'c', 'd']]);
    await w.finishNext();
    await expect(a).resolves.toBe('ok:a');
    await expect(Promise.all(rest)).resolves.toEqual(['ok:b', 'ok:c', 'ok:d']);
  });

  it('keeps a group within maxSize, in arrival order, and runs up to `concurrency` writes at once', async () => {
    const w = gatedWriter();
    const commit = new GroupCommit(w.writeGroup, { concurrency: 2, maxSize: 5 });
    void commit.submit('a', 1);
    void commit.submit('b', 1);
    for (const [x, size] of [
      ['c', 3],
      ['d', 2],
      ['e', 1],
      ['f', 9],
    ] as const)
      void commit.submit(x, size);
    expect(w.calls).toEqual([['a'], ['b']]);
    await w.finishNext();
    expect(w.calls[2]).toEqual(['c', 'd']);
    await w.finishNext();
    expect(w.calls[3]).toEqual(['e']);
    await w.finishNext();
    // Larger than a group may be: written alone.
    expect(w.calls[4]).toEqual(['f']);
  });

  it('writes each request alone, in order, when the group write fails, so a refusal is its own request’s', async () => {
    const w = gatedWriter((inputs) =>
      inputs.includes('bad') ? `refused ${inputs.join(',')}` : null,
    );
    const commit = new GroupCommit(w.writeGroup, { concurrency: 1, maxSize: 10 });
    void commit.submit('a', 1);
    const [b, bad, c] = ['b', 'bad', 'c'].map((x) => commit.submit(x, 1));
    const settled = Promise.allSettled([b, bad, c]);
    await w.finishNext(); // a
    await w.finishNext(); // b, bad, c together: refused
    await w.finishNext();
    await w.finishNext();
    await w.finishNext();
    // Then one after another, in arrival order.
    expect(w.calls.slice(1)).toEqual([['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
    const [rb, rbad, rc] = await settled;
    expect(rb).toEqual({ status: 'fulfilled', value: 'ok:b' });
    expect(rbad).toMatchObject({ status: 'rejected', reason: new Error('refused bad') });
    expect(rc).toEqual({ status: 'fulfilled', value: 'ok:c' });
  });

  it('gives every request of a failed group its error at once when retrying alone would not help', async () => {
    const w = gatedWriter((inputs) => (inputs.length > 1 ? 'database down' : null));
    const commit = new GroupCommit(w.writeGroup, {
      concurrency: 1,
      maxSize: 10,
      retryAlone: (e) => (e as Error).message !== 'database down',
    });
    void commit.submit('a', 1);
    const settled = Promise.allSettled(['b', 'c'].map((x) => commit.submit(x, 1)));
    await w.finishNext();
    await w.finishNext();
    expect(await settled).toMatchObject([
      { status: 'rejected', reason: new Error('database down') },
      { status: 'rejected', reason: new Error('database down') },
    ]);
    expect(w.calls).toEqual([['a'], ['b', 'c']]);
  });

  it('runs a group in the oldest request’s async context and a lone write in its own', async () => {
    const request = new AsyncLocalStorage<string>();
    const seen: Array<string | undefined> = [];
    let open: Array<() => void> = [];
    const commit = new GroupCommit(
      async (inputs: string[]) => {
        seen.push(request.getStore());
        await new Promise<void>((r) => open.push(r));
        return inputs;
      },
      { concurrency: 1, maxSize: 10 },
    );
    const first = request.run('first', () => commit.submit('a', 1));
    const later = ['second', 'third'].map((ctx) => request.run(ctx, () => commit.submit(ctx, 1)));
    const release = async () => {
      const gates = open;
      open = [];
      gates.forEach((g) => g());
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    await release();
    await release();
    await Promise.all([first, ...later]);
    expect(seen).toEqual(['first', 'second']);
  });
});

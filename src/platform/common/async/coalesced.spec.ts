import { Coalesced } from './coalesced';

/** A clock and a sleep the test moves by hand. */
function manualTime() {
  let now = 0;
  const sleepers: Array<{ until: number; wake: () => void }> = [];
  return {
    now: () => now,
    sleep: (ms: number) => new Promise<void>((wake) => sleepers.push({ until: now + ms, wake })),
    sleeping: () => sleepers.length,
    async advance(ms: number) {
      now += ms;
      const due = sleepers.filter((s) => s.until <= now);
      sleepers.splice(0, sleepers.length, ...sleepers.filter((s) => s.until > now));
      for (const s of due) s.wake();
      await new Promise((r) => setImmediate(r));
    },
  };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('Coalesced', () => {
  it('runs at once when idle, and once more for any number of requests made while it runs', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const c = new Coalesced(async () => {
      runs++;
      await new Promise<void>((r) => (release = r));
    });
    c.run();
    await flush();
    expect(runs).toBe(1);
    c.run();
    c.run();
    c.run();
    release();
    await flush();
    expect(runs).toBe(2);
    release();
    await c.idle();
    expect(runs).toBe(2);
  });

  it('with a gap, starts runs at least that far apart and merges the requests made in between', async () => {
    const time = manualTime();
    const starts: number[] = [];
    const c = new Coalesced(async () => void starts.push(time.now()), {
      minGapMs: 20,
      now: time.now,
      sleep: time.sleep,
    });
    c.run();
    await flush();
    expect(starts).toEqual([0]);
    await time.advance(5);
    c.run();
    c.run();
    await flush();
    // Requested 5 ms after the last start: it waits for the rest of the gap.
    expect(starts).toEqual([0]);
    expect(time.sleeping()).toBe(1);
    await time.advance(14);
    expect(starts).toEqual([0]);
    await time.advance(1);
    expect(starts).toEqual([0, 20]);
    await c.idle();
    // A request long after the last start runs at once.
    await time.advance(100);
    c.run();
    await flush();
    expect(starts).toEqual([0, 20, 120]);
  });

  it('keeps running after a failed run, and reports it', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const c = new Coalesced(
      async () => {
        runs++;
        if (runs === 1) throw new Error('database away');
      },
      { onError: (e) => errors.push(e) },
    );
    c.run();
    await c.idle();
    c.run();
    await c.idle();
    expect(runs).toBe(2);
    expect(errors).toHaveLength(1);
  });
});

import { withDatabaseBudget } from '../../database/request-budget';

/**
 * How long one background run may spend on the database (pool waits and queries) before it gives
 * up: a frozen PostgreSQL must not pin pool connections, nor a shutdown that waits for the run.
 */
const BACKGROUND_DATABASE_BUDGET_MS = 10_000;

export interface CoalescedOptions {
  /** Told of a run that failed (default: nothing; the next request runs it again). */
  onError?: (e: unknown) => void;
  /**
   * Runs start at least this far apart (default 0): requests within the gap share the next run.
   * For work triggered by every commit, it bounds the runs per second whatever the commit rate.
   */
  minGapMs?: number;
  /** Monotonic milliseconds (tests pass their own). */
  now?: () => number;
  /** Waits `ms` (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
}

/** Runs `work` once at a time; a request while it runs makes it run once more afterwards. */
export class Coalesced {
  private running?: Promise<void>;
  private again = false;
  private lastStart = -Infinity;
  private readonly minGapMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly onError: (e: unknown) => void;

  constructor(
    private readonly work: () => Promise<void>,
    options: CoalescedOptions = {},
  ) {
    this.onError = options.onError ?? (() => undefined);
    this.minGapMs = options.minGapMs ?? 0;
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  run(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        const wait = this.lastStart + this.minGapMs - this.now();
        if (wait > 0) await this.sleep(wait);
        this.again = false;
        this.lastStart = this.now();
        try {
          await withDatabaseBudget(BACKGROUND_DATABASE_BUDGET_MS, () => this.work());
        } catch (e) {
          this.onError(e);
        }
      } while (this.again);
    })().finally(() => (this.running = undefined));
  }

  /** Resolves when no run is in progress or waiting for its gap (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}

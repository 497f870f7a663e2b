import { withDatabaseBudget } from '../../database/request-budget';

/**
 * How long one background run may spend on the database (pool waits and queries) before it gives
 * up: a frozen PostgreSQL must not pin pool connections, nor a shutdown that waits for the run.
 */
const BACKGROUND_DATABASE_BUDGET_MS = 10_000;

/** Runs `work` once at a time; a request while it runs makes it run once more afterwards. */
export class Coalesced {
  private running?: Promise<void>;
  private again = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  run(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await withDatabaseBudget(BACKGROUND_DATABASE_BUDGET_MS, () => this.work());
        } catch (e) {
          this.onError(e);
        }
      } while (this.again);
    })().finally(() => (this.running = undefined));
  }

  /** Resolves when no run is in progress (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}

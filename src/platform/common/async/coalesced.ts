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
          await this.work();
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

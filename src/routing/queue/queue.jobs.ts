import { Injectable, Logger } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { CallReconciliation } from './call-reconciliation';
import { CallerRefs } from './caller-refs';

/** Timers for stranded calls and caller retention; registered only when JOBS_ENABLED. */
@Injectable()
export class QueueJobs {
  private readonly logger = new Logger(QueueJobs.name);

  constructor(
    private readonly reconciliation: CallReconciliation,
    private readonly callerRefs: CallerRefs,
  ) {}

  @Interval('queue-stranded-calls', 30_000)
  async stranded(): Promise<void> {
    try {
      await this.reconciliation.alertStranded();
    } catch (e) {
      this.logger.warn(`stranded-call check failed: ${(e as Error).message}`);
    }
  }

  @Interval('queue-caller-retention', 3_600_000)
  async retention(): Promise<void> {
    try {
      await this.callerRefs.prune();
    } catch (e) {
      this.logger.warn(`caller retention failed: ${(e as Error).message}`);
    }
  }
}

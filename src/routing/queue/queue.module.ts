import { Module, OnModuleInit } from '@nestjs/common';
import { CallLifecycle } from '../calls/call-lifecycle';
import { SitesModule } from '../../people/sites/sites.module';
import { CallsModule } from '../calls/calls.module';
import { RoutingModule } from '../reservations/routing.module';
import { RoutingService } from '../reservations/routing.service';
import { CallbackExpiry } from './callbacks/callback-expiry';
import { CallbackHistory } from './callbacks/callback-history';
import { CallbacksController } from './callbacks/callbacks.controller';
import { CallbacksService } from './callbacks/callbacks.service';
import { CallReconciliation } from './call-reconciliation';
import { CallerRefs } from './caller-refs';
import { QueueController } from './queue.controller';
import { QueueDispatcher } from './queue-dispatcher';
import { QueueHistory } from './queue-history';
import { QueueJobs } from './queue.jobs';
import { CONNECT_ON_ACCEPT, QUEUED_CALL_OFFER, QueueReactions } from './queue-reactions';
import { QueueService } from './queue.service';

/** Queued calls and human callbacks: the distributor that holds both and offers them to agents as they free up. */
@Module({
  imports: [RoutingModule, CallsModule, SitesModule],
  controllers: [QueueController, CallbacksController],
  providers: [
    QueueService,
    QueueDispatcher,
    QueueReactions,
    CallerRefs,
    CallReconciliation,
    QueueJobs,
    CallbackExpiry,
    CallbacksService,
    CallbackHistory,
    QueueHistory,
  ],
  exports: [
    QueueService,
    QueueDispatcher,
    CallReconciliation,
    CallerRefs,
    CallbackHistory,
    QueueHistory,
  ],
})
export class QueueModule implements OnModuleInit {
  constructor(
    private readonly routing: RoutingService,
    private readonly lifecycle: CallLifecycle,
    private readonly reactions: QueueReactions,
  ) {}

  onModuleInit(): void {
    this.routing.onDecided(
      (m, d) => this.reactions.onDecided(m, d),
      QUEUED_CALL_OFFER,
      CONNECT_ON_ACCEPT,
    );
    this.lifecycle.register(this.reactions);
  }
}

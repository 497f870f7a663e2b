import { Global, Module } from '@nestjs/common';
import { EventsBus } from './events-bus';
import { EventsController } from './events.controller';
import { EventsJobs } from './events.jobs';
import { EventsRetention } from './events-retention';
import { EventsService } from './events.service';

/** The live event stream: a low context every feature publishes to (global, like the clock). */
@Global()
@Module({
  controllers: [EventsController],
  providers: [EventsService, EventsBus, EventsRetention, EventsJobs],
  exports: [EventsService, EventsBus, EventsRetention],
})
export class EventsModule {}

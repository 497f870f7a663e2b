import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../../people/agents/agents.module';
import { AgentPresence } from './agent-presence.entity';
import { PresenceInterval } from './presence-interval.entity';
import { PresenceController } from './presence.controller';
import { PresenceJobs } from './presence.jobs';
import { PresenceHistory } from './presence-history.service';
import { PresenceService } from './presence.service';
import { PresenceStore } from './presence-store';
import { ScheduledStateRow } from './scheduled-state.entity';
import { ScheduledStates } from './scheduled-states.service';

/** Presence jobs fire only when the app registers ScheduleModule (JOBS_ENABLED). */
@Module({
  imports: [
    TypeOrmModule.forFeature([AgentPresence, PresenceInterval, ScheduledStateRow]),
    AgentsModule,
  ],
  controllers: [PresenceController],
  providers: [PresenceService, ScheduledStates, PresenceHistory, PresenceStore, PresenceJobs],
  exports: [PresenceService, ScheduledStates, PresenceHistory],
})
export class PresenceModule {}

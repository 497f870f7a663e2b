import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../../people/agents/agents.module';
import { PresenceModule } from '../presence/presence.module';
import { TeamsModule } from '../../people/teams/teams.module';
import { TeamsService } from '../../people/teams/teams.service';
import { CallEvent } from './call-event.entity';
import { CallLifecycle } from './call-lifecycle';
import { Call } from './call.entity';
import { CallsController } from './calls.controller';
import { CallsJobs } from './calls.jobs';
import { CallEventIngest } from './call-event-ingest.service';
import { CallHistory } from './call-history.service';
import { CallStore } from './call-store';
import { HostileFlags } from './hostile-flags.service';
import { LoadService } from './load.service';

@Module({
  imports: [TypeOrmModule.forFeature([CallEvent, Call]), AgentsModule, PresenceModule, TeamsModule],
  controllers: [CallsController],
  providers: [
    CallEventIngest,
    CallStore,
    CallHistory,
    HostileFlags,
    LoadService,
    CallLifecycle,
    CallsJobs,
  ],
  exports: [CallEventIngest, CallHistory, HostileFlags, LoadService, CallLifecycle],
})
export class CallsModule implements OnModuleInit {
  constructor(
    private readonly teams: TeamsService,
    private readonly load: LoadService,
  ) {}

  onModuleInit(): void {
    this.teams.onSettingsChanged((teamId) => this.load.rerankTeam(teamId));
  }
}

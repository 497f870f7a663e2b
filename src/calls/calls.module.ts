import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../agents/agents.module';
import { PresenceModule } from '../presence/presence.module';
import { TeamsModule } from '../teams/teams.module';
import { CallEvent } from './call-event.entity';
import { CallLifecycle } from './call-lifecycle';
import { Call } from './call.entity';
import { CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { LoadService } from './load.service';

@Module({
  imports: [TypeOrmModule.forFeature([CallEvent, Call]), AgentsModule, PresenceModule, TeamsModule],
  controllers: [CallsController],
  providers: [CallsService, LoadService, CallLifecycle],
  exports: [CallsService, LoadService, CallLifecycle],
})
export class CallsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoutingTagsModule } from '../routing-tags/routing-tags.module';
import { SitesModule } from '../sites/sites.module';
import { TeamsModule } from '../teams/teams.module';
import { UsersModule } from '../../platform/users/users.module';
import { AuditModule } from '../../platform/audit/audit.module';
import { AgentTag } from './agent-tag.entity';
import { Agent } from './agent.entity';
import { AgentsController } from './agents.controller';
import { AgentsService } from './agents.service';
import { AgentImportService } from './agent-import.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Agent, AgentTag]),
    RoutingTagsModule,
    TeamsModule,
    SitesModule,
    UsersModule,
    AuditModule,
  ],
  controllers: [AgentsController],
  providers: [AgentsService, AgentImportService],
  exports: [AgentsService],
})
export class AgentsModule {}

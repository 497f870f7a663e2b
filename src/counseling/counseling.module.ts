import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgentsModule } from '../people/agents/agents.module';
import { PresenceModule } from '../routing/presence/presence.module';
import { RoutingTagsModule } from '../people/routing-tags/routing-tags.module';
import { SitesModule } from '../people/sites/sites.module';
import { TeamsModule } from '../people/teams/teams.module';
import { UsersModule } from '../platform/users/users.module';
import { CounselingBooking } from './booking.entity';
import { CounselingController } from './counseling.controller';
import { BookingsService } from './bookings.service';
import { CounselingErasure } from './counseling-erasure.service';
import { CounselorNotifications } from './counselor-notifications.service';
import { VisibleBookings } from './visible-bookings.service';
import { CounselingStatsService } from './counseling-stats.service';
import { SuggestedSlotsService } from './suggested-slots.service';
import { Counselor } from './counselor.entity';
import { CounselorsService } from './counselors.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Counselor, CounselingBooking]),
    AgentsModule,
    PresenceModule,
    RoutingTagsModule,
    SitesModule,
    TeamsModule,
    UsersModule,
  ],
  controllers: [CounselingController],
  providers: [
    CounselorsService,
    BookingsService,
    VisibleBookings,
    CounselorNotifications,
    CounselingErasure,
    CounselingStatsService,
    SuggestedSlotsService,
  ],
  exports: [BookingsService, SuggestedSlotsService],
})
export class CounselingModule {}

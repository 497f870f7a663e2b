import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PresenceModule } from '../presence/presence.module';
import { RoutingTagsModule } from '../../people/routing-tags/routing-tags.module';
import { Reservation } from './reservation.entity';
import { RoutingController } from './routing.controller';
import { AvailabilityPool } from './availability-pool';
import { RoutingService } from './routing.service';

@Module({
  imports: [TypeOrmModule.forFeature([Reservation]), PresenceModule, RoutingTagsModule],
  controllers: [RoutingController],
  providers: [RoutingService, AvailabilityPool],
  exports: [RoutingService],
})
export class RoutingModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedShiftsReader } from './published-shifts.reader';
import { Shift } from './shift.entity';

/**
 * Published shifts, read-only, for other features. Imports nothing from scheduling's services so
 * that features scheduling depends on (forecasts → wellbeing) can use it without a module cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Shift])],
  providers: [PublishedShiftsReader],
  exports: [PublishedShiftsReader],
})
export class PublishedShiftsModule {}

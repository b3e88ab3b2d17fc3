import { Module } from '@nestjs/common';
import { BookedUnitsRepository } from './booked-units.repository';

/** The grid, the booking window and the booked units every booking path shares. */
@Module({ providers: [BookedUnitsRepository], exports: [BookedUnitsRepository] })
export class SlotsModule {}

import { Module } from '@nestjs/common';
import { BookedUnitsRepository } from './booked-units.repository';
import { OccupancyReader } from './occupancy-reader';
import { StartGrids } from './slot-grid';

/** The grid, the booking window and the booked units every booking path shares. */
@Module({ providers: [BookedUnitsRepository, StartGrids, OccupancyReader], exports: [BookedUnitsRepository, StartGrids, OccupancyReader] })
export class SlotsModule {}

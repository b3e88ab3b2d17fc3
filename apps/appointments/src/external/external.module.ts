import { Module } from '@nestjs/common';
import { BookingSystems } from './booking-systems';

/** Adapters to booking systems outside d115 (the ZMS citizen API), chosen per office. */
@Module({ providers: [BookingSystems], exports: [BookingSystems] })
export class ExternalModule {}

import { Module } from '@nestjs/common';
import { StatusController } from './status.controller';

/** Citizen status look-ups (tickets service). */
@Module({ controllers: [StatusController] })
export class StatusModule {}

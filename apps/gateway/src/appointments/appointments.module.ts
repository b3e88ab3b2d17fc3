import { Module } from '@nestjs/common';
import { AppointmentFiguresController, AppointmentsController } from './appointments.controller';
import { OfficesController } from './offices.controller';

/** The HTTP face of the appointments service. */
@Module({ controllers: [AppointmentsController, AppointmentFiguresController, OfficesController] })
export class AppointmentsModule {}

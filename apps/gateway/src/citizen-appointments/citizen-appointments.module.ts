import { Module } from '@nestjs/common';
import { CitizenAppointmentsController } from './citizen-appointments.controller';
import { CitizenAppointmentsUsecase } from './citizen-appointments.usecase';

/**
 * The citizen's appointment pages (confirmation link, cancellation), served by the gateway
 * without a login. Their forms are read by the gateway's form parser (citizen-form.ts),
 * which only these routes accept.
 */
@Module({ controllers: [CitizenAppointmentsController], providers: [CitizenAppointmentsUsecase] })
export class CitizenAppointmentsModule {}

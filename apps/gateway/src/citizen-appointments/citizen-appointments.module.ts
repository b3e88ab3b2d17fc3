import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { urlencoded } from 'express';
import { CitizenAppointmentsController } from './citizen-appointments.controller';
import { CitizenAppointmentsUsecase } from './citizen-appointments.usecase';

/** Two fields of a few dozen characters: anything larger is not one of our forms. */
const FORM_LIMIT = '4kb';

/** The routes that take a form (each a documented route of the controller). */
const FORM_ROUTES = ['termin/bestaetigen', 'termin/absagen'].map((path) => ({ path, method: RequestMethod.POST }));

/** The citizen's appointment pages (confirmation link, cancellation), served by the gateway without a login. */
@Module({ controllers: [CitizenAppointmentsController], providers: [CitizenAppointmentsUsecase] })
export class CitizenAppointmentsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 10 })).forRoutes(...FORM_ROUTES);
  }
}

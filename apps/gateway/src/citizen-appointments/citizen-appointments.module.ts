import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { NextFunction, Request, Response, urlencoded } from 'express';
import { CitizenAppointmentsController } from './citizen-appointments.controller';
import { CitizenAppointmentsUsecase } from './citizen-appointments.usecase';

/** Two fields of a few dozen characters: anything larger is not one of our forms. */
const FORM_LIMIT = '4kb';

/** The routes that take a form (each a documented route of the controller). */
const FORM_ROUTES = ['termin/bestaetigen', 'termin/absagen'].map((path) => ({ path, method: RequestMethod.POST }));

const parseForm = urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 10 });

/**
 * A body that is not one of our forms (too large, too many fields, not decodable) is
 * answered like a form with a wrong key: the page that says the link is not known, in
 * German — never the framework's error page.
 */
function citizenForm(request: Request, response: Response, next: NextFunction): void {
  parseForm(request, response, (error?: unknown) => {
    if (error) request.body = {};
    next();
  });
}

/** The citizen's appointment pages (confirmation link, cancellation), served by the gateway without a login. */
@Module({ controllers: [CitizenAppointmentsController], providers: [CitizenAppointmentsUsecase] })
export class CitizenAppointmentsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(citizenForm).forRoutes(...FORM_ROUTES);
  }
}

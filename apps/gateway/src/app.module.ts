import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { AppointmentsModule } from './appointments/appointments.module';
import { AuthModule } from './auth/auth.module';
import { CitizenAppointmentsModule } from './citizen-appointments/citizen-appointments.module';
import { GatewayEnv } from './config/gateway.env';
import { ConsoleModule } from './console/console.module';
import { DeadLettersModule } from './deadletters/deadletters.module';
import { EventsModule } from './events/events.module';
import { HealthModule } from './health/health.module';
import { KnowledgeModule } from './knowledge/knowledge.module';
import { MailModule } from './mail/mail.module';
import { StatusModule } from './status/status.module';
import { TelephonyModule } from './telephony/telephony.module';
import { TicketsModule } from './tickets/tickets.module';

/** The service modules of the API: one thin module per downstream service. */
export const API_MODULES = [
  AuthModule,
  HealthModule,
  TicketsModule,
  KnowledgeModule,
  DeadLettersModule,
  StatusModule,
  EventsModule,
  MailModule,
  TelephonyModule,
  AppointmentsModule,
  CitizenAppointmentsModule,
];

@Module({})
export class AppModule {
  static register(env: GatewayEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forService({ service: 'gateway', version: readVersion(), env }), ...API_MODULES, ConsoleModule],
    };
  }
}

import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { CallLiveEvents } from './call-live-events';
import { CallsController, ServiceLevelController } from './calls.controller';
import { CtiController } from './cti.controller';
import { PublishCtiEventUsecase } from './publish-cti-event.usecase';

/** The HTTP face of the telephony service, the CTI webhook onto its inbound stream, and its calls on the live stream. */
@Module({ imports: [EventsModule], controllers: [CallsController, ServiceLevelController, CtiController], providers: [PublishCtiEventUsecase, CallLiveEvents] })
export class TelephonyModule {}

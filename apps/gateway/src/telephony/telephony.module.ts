import { Module } from '@nestjs/common';
import { CallsController, ServiceLevelController } from './calls.controller';
import { CtiController } from './cti.controller';
import { PublishCtiEventUsecase } from './publish-cti-event.usecase';

/** The HTTP face of the telephony service, and the CTI webhook onto its inbound stream. */
@Module({ controllers: [CallsController, ServiceLevelController, CtiController], providers: [PublishCtiEventUsecase] })
export class TelephonyModule {}

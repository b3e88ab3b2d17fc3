import { Module } from '@nestjs/common';
import { CALL_SIGNAL_SINK } from './call-signal';
import { CallsRepository } from './calls.repository';
import { AcceptSignalsUsecase } from './usecases/accept-signals/accept-signals.usecase';

/** Calls: the signal sink every adapter delivers to, and the durable call records. */
@Module({
  providers: [CallsRepository, AcceptSignalsUsecase, { provide: CALL_SIGNAL_SINK, useExisting: AcceptSignalsUsecase }],
  exports: [CALL_SIGNAL_SINK, CallsRepository, AcceptSignalsUsecase],
})
export class CallsModule {}

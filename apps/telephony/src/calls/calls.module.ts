import { Module } from '@nestjs/common';
import { CALL_SIGNAL_SINK } from './call-signal';
import { CallsRepository } from './calls.repository';
import { AcceptSignalsUsecase } from './usecases/accept-signals/accept-signals.usecase';
import { ReapStaleCallsUsecase } from './usecases/reap-stale-calls/reap-stale-calls.usecase';

/** Calls: the signal sink every adapter delivers to, and the durable call records. */
@Module({
  providers: [CallsRepository, AcceptSignalsUsecase, ReapStaleCallsUsecase, { provide: CALL_SIGNAL_SINK, useExisting: AcceptSignalsUsecase }],
  exports: [CALL_SIGNAL_SINK, CallsRepository, AcceptSignalsUsecase],
})
export class CallsModule {}

import { Module } from '@nestjs/common';
import { CALL_SIGNAL_SINK } from './call-signal';
import { CallsController } from './calls.controller';
import { CallsRepository } from './calls.repository';
import { ListCallsUsecase } from './usecases/list-calls/list-calls.usecase';
import { AcceptSignalsUsecase } from './usecases/accept-signals/accept-signals.usecase';
import { ReapStaleCallsUsecase } from './usecases/reap-stale-calls/reap-stale-calls.usecase';

/** Calls: the signal sink every adapter delivers to, and the durable call records. */
@Module({
  controllers: [CallsController],
  providers: [ListCallsUsecase, CallsRepository, AcceptSignalsUsecase, ReapStaleCallsUsecase, { provide: CALL_SIGNAL_SINK, useExisting: AcceptSignalsUsecase }],
  exports: [CALL_SIGNAL_SINK, CallsRepository, AcceptSignalsUsecase],
})
export class CallsModule {}

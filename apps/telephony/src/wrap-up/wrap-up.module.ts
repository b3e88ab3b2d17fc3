import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module';
import { WrapUpController } from './wrap-up.controller';
import { WrapUpCallUsecase } from './usecases/wrap-up-call/wrap-up-call.usecase';

/** Wrap-up: the agent's outcome of a call (`d115.telephony.call.wrap-up`). */
@Module({ imports: [CallsModule], controllers: [WrapUpController], providers: [WrapUpCallUsecase] })
export class WrapUpModule {}

import { Module } from '@nestjs/common';
import { CallAnsweredHandler } from './call-answered.handler';
import { PopScreenUsecase } from './usecases/pop-screen/pop-screen.usecase';

/** Screen pop: on answer, the agent and the caller's open cases (`call.screen-pop`). */
@Module({ providers: [PopScreenUsecase, CallAnsweredHandler] })
export class ScreenPopModule {}

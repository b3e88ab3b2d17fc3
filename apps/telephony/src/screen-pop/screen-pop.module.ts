import { Module } from '@nestjs/common';
import { CaseLinksModule } from '../case-links/case-links.module';
import { CallAnsweredHandler } from './call-answered.handler';
import { PopScreenUsecase } from './usecases/pop-screen/pop-screen.usecase';

/** Screen pop: on answer, the agent and the caller's open cases (`call.screen-pop`). */
@Module({ imports: [CaseLinksModule], providers: [PopScreenUsecase, CallAnsweredHandler] })
export class ScreenPopModule {}

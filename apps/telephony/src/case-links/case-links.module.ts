import { Module } from '@nestjs/common';
import { CaseLinksRepository } from './case-links.repository';
import { CaseOpenedHandler } from './case-opened.handler';
import { CaseStateChangedHandler } from './case-state-changed.handler';
import { LinkOpenedCaseUsecase } from './usecases/link-opened-case/link-opened-case.usecase';
import { RecordCaseStateUsecase } from './usecases/record-case-state/record-case-state.usecase';

/** The cases related to calls and their state, learnt from the tickets service's events (for number retention). */
@Module({
  providers: [CaseLinksRepository, LinkOpenedCaseUsecase, RecordCaseStateUsecase, CaseOpenedHandler, CaseStateChangedHandler],
  exports: [CaseLinksRepository],
})
export class CaseLinksModule {}

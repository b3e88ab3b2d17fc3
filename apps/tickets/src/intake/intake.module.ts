import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { TimelineModule } from '../timeline/timeline.module';
import { CallWrappedUpHandler } from './call-wrapped-up.handler';
import { IntakeRepository } from './intake.repository';
import { MailMessageReceivedHandler } from './mail-message-received.handler';
import { IntakeCallUsecase } from './usecases/intake-call/intake-call.usecase';
import { IntakeMailUsecase } from './usecases/intake-mail/intake-mail.usecase';

/** Cases from events: mails received, calls wrapped up. */
@Module({
  imports: [CasesModule, TimelineModule],
  providers: [IntakeRepository, IntakeMailUsecase, IntakeCallUsecase, MailMessageReceivedHandler, CallWrappedUpHandler],
})
export class IntakeModule {}

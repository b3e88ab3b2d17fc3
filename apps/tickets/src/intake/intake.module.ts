import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { TimelineModule } from '../timeline/timeline.module';
import { AppointmentConfirmedHandler } from './appointment-confirmed.handler';
import { CallWrappedUpHandler } from './call-wrapped-up.handler';
import { IntakeRepository } from './intake.repository';
import { MailMessageReceivedHandler } from './mail-message-received.handler';
import { IntakeCallUsecase } from './usecases/intake-call/intake-call.usecase';
import { IntakeMailUsecase } from './usecases/intake-mail/intake-mail.usecase';
import { NoteAppointmentUsecase } from './usecases/note-appointment/note-appointment.usecase';

/** Cases from events: mails received, calls wrapped up; notes from confirmed appointments. */
@Module({
  imports: [CasesModule, TimelineModule],
  providers: [
    IntakeRepository,
    IntakeMailUsecase,
    IntakeCallUsecase,
    MailMessageReceivedHandler,
    CallWrappedUpHandler,
    NoteAppointmentUsecase,
    AppointmentConfirmedHandler,
  ],
})
export class IntakeModule {}

import { Module } from '@nestjs/common';
import { ENV } from '@d115/platform';
import { MailEnv } from '../config/mail.env';
import { TicketCreatedHandler } from './handlers/ticket-created.handler';
import { TicketForwardedHandler } from './handlers/ticket-forwarded.handler';
import { TicketTag } from './ticket-tag';
import { ThreadingRepository } from './threading.repository';
import { FindThreadUsecase } from './usecases/find-thread/find-thread.usecase';
import { LearnForwardingUsecase } from './usecases/learn-forwarding/learn-forwarding.usecase';
import { LearnTicketUsecase } from './usecases/learn-ticket/learn-ticket.usecase';

/** Which case a mail belongs to; learns tickets from the tickets service's events and our own mail. */
@Module({
  providers: [
    { provide: TicketTag, inject: [ENV], useFactory: (env: MailEnv) => new TicketTag(env.MAIL_TICKET_TAG_PATTERN, env.MAIL_TICKET_TAG_FORMAT) },
    ThreadingRepository,
    FindThreadUsecase,
    LearnTicketUsecase,
    LearnForwardingUsecase,
    TicketCreatedHandler,
    TicketForwardedHandler,
  ],
  exports: [TicketTag, ThreadingRepository, FindThreadUsecase],
})
export class ThreadingModule {}

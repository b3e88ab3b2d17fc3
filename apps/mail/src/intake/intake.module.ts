import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { ParsingModule } from '../parsing/parsing.module';
import { IntakeRepository } from './intake.repository';
import { SmtpListener } from './smtp/smtp-listener';
import { IngestMessageUsecase } from './usecases/ingest-message/ingest-message.usecase';

/** Mail in: the SMTP listener and the ingest use case (also used by IMAP polling). */
@Module({
  imports: [ParsingModule, MessagesModule],
  providers: [IntakeRepository, IngestMessageUsecase, SmtpListener],
  exports: [IntakeRepository, IngestMessageUsecase],
})
export class IntakeModule {}

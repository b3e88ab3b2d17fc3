import { Module } from '@nestjs/common';
import { IntakeModule } from '../intake/intake.module';
import { ImapPoller } from './imap-poller';
import { ImapRepository } from './imap.repository';
import { ImportImapMailboxUsecase } from './usecases/import-imap-mailbox/import-imap-mailbox.usecase';

/** Mail in from mailboxes on an existing IMAP server. */
@Module({
  imports: [IntakeModule],
  providers: [ImapRepository, ImportImapMailboxUsecase, ImapPoller],
})
export class ImapModule {}

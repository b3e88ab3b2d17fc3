import { DynamicModule, Module } from '@nestjs/common';
import { MailboxDirectory } from './mailbox.directory';
import { MailboxConfig } from './entities/mailbox.config';

/** The configured mailboxes, available to every feature. */
@Module({})
export class MailboxesModule {
  static register(mailboxes: MailboxConfig[]): DynamicModule {
    return {
      module: MailboxesModule,
      global: true,
      providers: [{ provide: MailboxDirectory, useValue: new MailboxDirectory(mailboxes) }],
      exports: [MailboxDirectory],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { MailboxDirectory } from './mailbox.directory';
import { MailboxesController } from './mailboxes.controller';
import { ListMailboxesUsecase } from './usecases/list-mailboxes/list-mailboxes.usecase';
import { MailboxConfig } from './entities/mailbox.config';

/** The configured mailboxes, available to every feature. */
@Module({})
export class MailboxesModule {
  static register(mailboxes: MailboxConfig[]): DynamicModule {
    return {
      module: MailboxesModule,
      global: true,
      controllers: [MailboxesController],
      providers: [{ provide: MailboxDirectory, useValue: new MailboxDirectory(mailboxes) }, ListMailboxesUsecase],
      exports: [MailboxDirectory],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, readVersion } from '@d115/platform';
import { AttachmentEntity } from './attachments/entities/attachment.entity';
import { BlobEntity } from './attachments/entities/blob.entity';
import { MailEnv } from './config/mail.env';
import { ImapCursorEntity } from './imap/entities/imap-cursor.entity';
import { ImapModule } from './imap/imap.module';
import { InboundMessageEntity } from './intake/entities/inbound-message.entity';
import { IntakeModule } from './intake/intake.module';
import { loadMailboxes } from './mailboxes/load-mailboxes';
import { MailboxesModule } from './mailboxes/mailboxes.module';
import { MessageEntity } from './messages/entities/message.entity';
import { migrations } from './migrations';
import { AcknowledgmentEntity } from './outbound/entities/acknowledgment.entity';
import { OutboundMessageEntity } from './outbound/entities/outbound-message.entity';
import { UndeliverableAddressEntity } from './outbound/entities/undeliverable-address.entity';
import { OutboundModule } from './outbound/outbound.module';
import { QuarantineModule } from './quarantine/quarantine.module';
import { ThreadMessageEntity } from './threading/entities/thread-message.entity';
import { TicketEntity } from './threading/entities/ticket.entity';
import { ThreadingModule } from './threading/threading.module';

const entities = [
  InboundMessageEntity,
  MessageEntity,
  AttachmentEntity,
  BlobEntity,
  TicketEntity,
  ThreadMessageEntity,
  OutboundMessageEntity,
  AcknowledgmentEntity,
  UndeliverableAddressEntity,
  ImapCursorEntity,
];

@Module({})
export class AppModule {
  static register(env: MailEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'mail', version: readVersion(), env, database: { entities, migrations } }),
        MailboxesModule.register(loadMailboxes(env.MAIL_MAILBOXES)),
        IntakeModule,
        ThreadingModule,
        OutboundModule,
        QuarantineModule,
        ImapModule,
      ],
    };
  }
}

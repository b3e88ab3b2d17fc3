import { Module } from '@nestjs/common';
import { MailController } from './mail.controller';

/** The HTTP face of the mail service. */
@Module({ controllers: [MailController] })
export class MailModule {}

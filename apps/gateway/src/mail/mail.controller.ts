import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MailSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { Forwards } from '../http/reply.decorator';

/** The mail service's configuration, for admins (read only: mailboxes are configured in MAIL_MAILBOXES). */
@ApiTags('configuration')
@Controller('api/v1/config')
@Roles('admin')
export class MailController {
  constructor(private readonly requests: RequestClient) {}

  @Get('mailboxes')
  @Forwards(MailSubjects.mailboxList, { summary: 'The mailboxes the center receives mail for (no credentials)' })
  mailboxes(@CurrentUser() user: Principal) {
    return this.requests.request(MailSubjects.mailboxList, { actor: user.id });
  }
}

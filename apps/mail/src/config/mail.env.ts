import { ServiceEnv } from '@d115/platform';

/** Environment of the mail service (see README, "Configuration"). */
export class MailEnv extends ServiceEnv {
  override OPS_PORT = 3102;
}

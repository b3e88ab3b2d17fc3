import { ServiceEnv } from '@d115/platform';

/** Environment of the telephony service (see README, "Configuration"). */
export class TelephonyEnv extends ServiceEnv {
  override OPS_PORT = 3101;
}

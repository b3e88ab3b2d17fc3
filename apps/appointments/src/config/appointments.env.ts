import { ServiceEnv } from '@d115/platform';

/** Environment of the appointments service (see README, "Configuration"). */
export class AppointmentsEnv extends ServiceEnv {
  override OPS_PORT = 3105;
}

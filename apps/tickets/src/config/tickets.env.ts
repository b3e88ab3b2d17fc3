import { ServiceEnv } from '@d115/platform';

/** Environment of the tickets service (see README, "Configuration"). */
export class TicketsEnv extends ServiceEnv {
  override OPS_PORT = 3103;
}

import { BaseEnv, IntVar, PortVar } from '@d115/platform';

/** Environment of the gateway (see README, "Configuration"). */
export class GatewayEnv extends BaseEnv {
  /** HTTP port of the API, the docs and the gateway's own health and metrics. */
  @PortVar()
  GATEWAY_PORT = 3000;

  /** Deadline for each service's answer to the system health check. */
  @IntVar(50)
  HEALTH_TIMEOUT_MS = 2000;
}

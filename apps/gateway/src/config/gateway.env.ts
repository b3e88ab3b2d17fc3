import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { BaseEnv } from '@d115/platform';

/** Environment of the gateway (see README, "Configuration"). */
export class GatewayEnv extends BaseEnv {
  /** HTTP port of the API, the docs and the gateway's own health and metrics. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  GATEWAY_PORT = 3000;

  /** Deadline for each service's answer to the system health check. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  HEALTH_TIMEOUT_MS = 2000;
}

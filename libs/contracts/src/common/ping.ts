import { ServiceName } from './services';

/** `d115.<service>.ping` takes no fields. */
export class PingRequest {}

export type CheckStatus = 'up' | 'down';

/** Reply to `d115.<service>.ping`: who answered and whether it is ready to work. */
export interface PingReply {
  service: ServiceName;
  version: string;
  instance: string;
  ready: boolean;
  checks: Record<string, CheckStatus>;
  uptimeSeconds: number;
}

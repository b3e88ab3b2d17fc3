import { ServiceEnv } from '@d115/platform';

/** Environment of the knowledge service (see README, "Configuration"). */
export class KnowledgeEnv extends ServiceEnv {
  override OPS_PORT = 3104;
}

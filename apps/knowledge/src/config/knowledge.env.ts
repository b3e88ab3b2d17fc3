import { BoolVar, IntVar, ServiceEnv } from '@d115/platform';

/** Environment of the knowledge service (see README, "Configuration"). */
export class KnowledgeEnv extends ServiceEnv {
  override OPS_PORT = 3104;

  /** Load the Rostock demo catalogue at start when the catalogue is empty. */
  @BoolVar()
  KNOWLEDGE_DEMO_CATALOGUE = true;

  /** Records per import transaction. */
  @IntVar(1, 10000)
  KNOWLEDGE_IMPORT_BATCH_SIZE = 500;

  /** Days a search stays in the search log (scrubbed queries, hits, the chosen hit). */
  @IntVar(1, 3650)
  KNOWLEDGE_SEARCH_LOG_RETENTION_DAYS = 90;

  /** How often entries past retention are deleted. */
  @IntVar(1000)
  KNOWLEDGE_SEARCH_LOG_PURGE_INTERVAL_MS = 3600000;
}

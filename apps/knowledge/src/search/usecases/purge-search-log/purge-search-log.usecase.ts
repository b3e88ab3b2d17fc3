import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Clock, ENV, Scheduler } from '@d115/platform';
import { KnowledgeEnv } from '../../../config/knowledge.env';
import { SearchLogRepository } from '../../log/search-log.repository';

const DAY_MS = 24 * 3600 * 1000;

/** Retention of the search log: entries older than KNOWLEDGE_SEARCH_LOG_RETENTION_DAYS go, on a schedule. */
@Injectable()
export class PurgeSearchLogUsecase implements OnModuleInit {
  constructor(
    private readonly log: SearchLogRepository,
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    @Inject(ENV) private readonly env: KnowledgeEnv,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: 'search-log-retention', everyMs: this.env.KNOWLEDGE_SEARCH_LOG_PURGE_INTERVAL_MS, run: () => this.execute() });
  }

  execute(): Promise<number> {
    return this.log.purgeBefore(new Date(this.clock.now().getTime() - this.env.KNOWLEDGE_SEARCH_LOG_RETENTION_DAYS * DAY_MS));
  }
}

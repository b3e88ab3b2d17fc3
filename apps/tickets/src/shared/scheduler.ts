import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ENV } from '@d115/platform';
import { childLogger } from '@d115/observability';
import { TicketsEnv } from '../config/tickets.env';

/**
 * A unit of scheduled work. It must be safe with several instances running it
 * at once: due rows are claimed with `FOR UPDATE SKIP LOCKED` (or the job takes
 * an advisory lock), never with an in-memory lock.
 */
export interface ScheduledJob {
  name: string;
  /** Pause between passes; default TICKETS_SCHEDULER_TICK_MS. */
  everyMs?: number;
  /** Handles up to one batch of due work; returns how many items it handled. */
  run(): Promise<number>;
}

/** Runs the registered jobs in this instance until shutdown; a full batch runs again at once. */
@Injectable()
export class Scheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = childLogger('scheduler');
  private readonly jobs: ScheduledJob[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private started = false;

  constructor(@Inject(ENV) private readonly env: TicketsEnv) {}

  register(job: ScheduledJob): void {
    this.jobs.push(job);
    if (this.started) this.loop(job);
  }

  /** Runs one pass of a job now (ops commands and tests); returns items handled. */
  async runNow(name: string): Promise<number> {
    const job = this.jobs.find((candidate) => candidate.name === name);
    if (!job) throw new Error(`no scheduled job "${name}"`);
    return job.run();
  }

  onApplicationBootstrap(): void {
    this.started = true;
    if (!this.env.TICKETS_SCHEDULER_ENABLED) return;
    for (const job of this.jobs) this.loop(job);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }

  private loop(job: ScheduledJob): void {
    if (this.stopped || !this.env.TICKETS_SCHEDULER_ENABLED) return;
    const pass = this.pass(job);
    this.running.add(pass);
    void pass.finally(() => this.running.delete(pass));
  }

  private async pass(job: ScheduledJob): Promise<void> {
    let handled = 0;
    try {
      handled = await job.run();
    } catch (error) {
      if (!this.stopped) this.logger.error({ err: error, job: job.name }, 'scheduled job failed; retrying next tick');
    }
    if (this.stopped) return;
    const full = handled >= this.env.TICKETS_SCHEDULER_BATCH;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.loop(job);
      },
      full ? 0 : (job.everyMs ?? this.env.TICKETS_SCHEDULER_TICK_MS),
    );
    this.timers.add(timer);
  }
}

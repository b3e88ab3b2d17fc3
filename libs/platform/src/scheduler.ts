import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { childLogger } from '@d115/observability';

/** How a service's scheduler runs; the service provides it from its env under `SCHEDULER_OPTIONS`. */
export interface SchedulerOptions {
  /** Off: jobs run only when asked (`runNow`). */
  enabled: boolean;
  /** Default pause between passes of a job. */
  tickMs: number;
  /** A pass that handled this many items is followed by the next one at once. */
  batch: number;
}

export const SCHEDULER_OPTIONS = Symbol('SCHEDULER_OPTIONS');

/**
 * A unit of scheduled work. It must be safe with several instances running it
 * at once: due rows are claimed with `FOR UPDATE SKIP LOCKED` (or the job takes
 * an advisory lock), never with an in-memory lock.
 */
export interface ScheduledJob {
  name: string;
  /** Pause between passes; default `SchedulerOptions.tickMs`. */
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

  constructor(@Inject(SCHEDULER_OPTIONS) private readonly options: SchedulerOptions) {}

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
    if (!this.options.enabled) return;
    for (const job of this.jobs) this.loop(job);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }

  private loop(job: ScheduledJob): void {
    if (this.stopped || !this.options.enabled) return;
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
    const full = handled >= this.options.batch;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.loop(job);
      },
      full ? 0 : (job.everyMs ?? this.options.tickMs),
    );
    this.timers.add(timer);
  }
}

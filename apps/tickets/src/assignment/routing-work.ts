import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { childLogger } from '@d115/observability';
import { RoutingSignal, RoutingSignals } from '../shared/routing-signals';
import { DispatchToAgentUsecase } from './usecases/dispatch-to-agent/dispatch-to-agent.usecase';
import { OfferCaseUsecase } from './usecases/offer-case/offer-case.usecase';
import { ReleaseAgentReservationsUsecase } from './usecases/release-agent-reservations/release-agent-reservations.usecase';

/** Signals handled at once; more wait in line (deduplicated), beyond the limit the dispatch pass picks them up. */
const CONCURRENCY = 4;
const MAX_WAITING = 10_000;

/**
 * Reacts to routing hints right after commit: a waiting case is offered, an
 * agent with room gets offers, an agent who left hands offers back. Bounded
 * and deduplicated so a burst of arrivals cannot exhaust the pool.
 */
@Injectable()
export class RoutingWork implements OnModuleInit, OnModuleDestroy {
  private readonly logger = childLogger('routing');
  private readonly waiting = new Map<string, RoutingSignal>();
  private readonly inFlight = new Set<Promise<void>>();
  private subscription?: Subscription;
  private stopped = false;

  constructor(
    private readonly signals: RoutingSignals,
    private readonly offerCase: OfferCaseUsecase,
    private readonly dispatchToAgent: DispatchToAgentUsecase,
    private readonly releaseReservations: ReleaseAgentReservationsUsecase,
  ) {}

  onModuleInit(): void {
    this.subscription = this.signals.stream.subscribe((signal) => this.enqueue(signal));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.subscription?.unsubscribe();
    this.waiting.clear();
    await Promise.all([...this.inFlight]);
  }

  private enqueue(signal: RoutingSignal): void {
    if (this.stopped || this.waiting.size >= MAX_WAITING) return;
    this.waiting.set(`${signal.kind}:${'ticketId' in signal ? signal.ticketId : signal.agentId}`, signal);
    this.pump();
  }

  private pump(): void {
    while (!this.stopped && this.inFlight.size < CONCURRENCY && this.waiting.size > 0) {
      const [key, signal] = this.waiting.entries().next().value as [string, RoutingSignal];
      this.waiting.delete(key);
      const work: Promise<void> = this.handle(signal)
        .catch((error) => this.logger.warn({ err: error, signal }, 'routing hint failed; the dispatch pass will retry'))
        .finally(() => {
          this.inFlight.delete(work);
          this.pump();
        });
      this.inFlight.add(work);
    }
  }

  private async handle(signal: RoutingSignal): Promise<void> {
    switch (signal.kind) {
      case 'case-waiting':
        await this.offerCase.execute(signal.ticketId);
        return;
      case 'agent-free':
        await this.dispatchToAgent.execute(signal.agentId);
        return;
      case 'agent-unavailable':
        await this.releaseReservations.execute(signal.agentId);
        return;
    }
  }
}

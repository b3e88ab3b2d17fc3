import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { childLogger } from '@d115/observability';
import { ENV } from '@d115/platform';
import { GatewayEnv } from '../config/gateway.env';
import { LiveEventHub } from './live-event-hub';

/** Every WALLBOARD_INTERVAL_SECONDS, while a supervisor listens: backlog and occupancy as `wallboard.figures`. */
@Injectable()
export class WallboardPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = childLogger('wallboard');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly hub: LiveEventHub,
    private readonly requests: RequestClient,
    @Inject(ENV) private readonly env: GatewayEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.env.WALLBOARD_INTERVAL_SECONDS * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (!this.hub.supervisorsListening) return;
    try {
      const actor = 'system:gateway-wallboard';
      const [backlog, occupancy] = await Promise.all([
        this.requests.request(TicketSubjects.figuresBacklog, { actor }),
        this.requests.request(TicketSubjects.figuresOccupancy, { actor }),
      ]);
      this.hub.publish({ event: 'wallboard.figures', data: { backlog, occupancy }, audience: { supervisors: true } });
    } catch (error) {
      this.logger.warn({ err: error }, 'wallboard figures not available');
    }
  }
}

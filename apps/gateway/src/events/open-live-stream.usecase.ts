import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { TicketSubjects } from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { hasAnyRole, Principal } from '../auth/principal';
import { takeOver } from '../http/raw-response';
import { LiveEventHub } from './live-event-hub';

/** A user's live stream: the queues they serve (from their agent profile, if they have one) decide the SLA warnings they get. */
@Injectable()
export class OpenLiveStreamUsecase {
  constructor(
    private readonly hub: LiveEventHub,
    private readonly requests: RequestClient,
  ) {}

  async execute(user: Principal, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const queues = await this.requests
      .request(TicketSubjects.agentGet, { actor: user.id, agentId: user.id })
      .then((agent) => agent.queues)
      .catch(() => [] as string[]);
    const header = request.headers['last-event-id'];
    const query = (request.query as Record<string, unknown>).lastEventId;
    const lastEventId = typeof header === 'string' ? header : typeof query === 'string' ? query : undefined;
    this.hub.attach({ userId: user.id, supervisor: hasAnyRole(user, ['supervisor', 'admin']), queues: new Set(queues) }, takeOver(reply), lastEventId);
  }
}

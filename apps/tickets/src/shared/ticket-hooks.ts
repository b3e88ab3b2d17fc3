import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketChannel, TicketState } from '@d115/contracts';

/** What other features learn about a case when it changes (no personal data). */
export interface TicketFacts {
  id: string;
  number: string;
  channel: TicketChannel;
  state: TicketState;
  queueId: string;
  priority: number;
  ownerAgentId: string | null;
  createdAt: Date;
}

export interface StateChange {
  ticket: TicketFacts;
  from: TicketState;
  to: TicketState;
  actor: string;
  at: Date;
}

/**
 * Features that react to a case's life inside the same transaction (SLA clocks,
 * agent load) implement this and register with TicketHooks; the cases feature
 * does not know them.
 */
export interface TicketListener {
  created?(manager: EntityManager, ticket: TicketFacts, at: Date): Promise<void>;
  stateChanged?(manager: EntityManager, change: StateChange): Promise<void>;
  /** The first answer reached the citizen (reply by any channel). */
  firstResponse?(manager: EntityManager, ticket: TicketFacts, at: Date): Promise<void>;
}

@Injectable()
export class TicketHooks {
  private readonly listeners: TicketListener[] = [];

  register(listener: TicketListener): void {
    this.listeners.push(listener);
  }

  async created(manager: EntityManager, ticket: TicketFacts, at: Date): Promise<void> {
    for (const listener of this.listeners) await listener.created?.(manager, ticket, at);
  }

  async stateChanged(manager: EntityManager, change: StateChange): Promise<void> {
    for (const listener of this.listeners) await listener.stateChanged?.(manager, change);
  }

  async firstResponse(manager: EntityManager, ticket: TicketFacts, at: Date): Promise<void> {
    for (const listener of this.listeners) await listener.firstResponse?.(manager, ticket, at);
  }
}

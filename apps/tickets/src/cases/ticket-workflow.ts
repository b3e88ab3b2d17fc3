import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { eventAbout, TicketErrorCode, TicketEvents, TicketState, TicketStateChangedEvent, TicketUpdatedEvent } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { Clock } from '@d115/platform';
import { AuditRepository, NewAuditEntry } from '../audit/audit.repository';
import { TicketHooks } from '../shared/ticket-hooks';
import { TicketsException } from '../shared/tickets.exception';
import { CasesRepository, TicketPatch } from './cases.repository';
import { inScope } from './domain/municipality-scope';
import { assertTransition, pathTo } from './domain/ticket-state-machine';
import { Ticket } from './entities/ticket.entity';

/** Columns whose values are personal data: their history is redacted by anonymisation. */
const PERSONAL: ReadonlySet<string> = new Set(['citizenName', 'citizenEmail', 'citizenPhone', 'subject']);

/**
 * The one place a case changes: locking with the version check, state moves
 * with their audit entry, event and listeners (SLA clocks, agent load), and
 * field changes with their history — each in the caller's transaction.
 */
@Injectable()
export class TicketWorkflow {
  constructor(
    private readonly cases: CasesRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxWriter,
    private readonly hooks: TicketHooks,
    private readonly clock: Clock,
  ) {}

  /**
   * Locks the case for a change; a case outside the actor's municipalities (`scope`) is not found.
   * @throws TICKET.NOT_FOUND, TICKET.VERSION_CONFLICT, TICKET.ILLEGAL_ANONYMIZED
   */
  async loadForChange(manager: EntityManager, ticketId: string, expectedVersion?: number, scope?: string[]): Promise<Ticket> {
    const ticket = await this.cases.lock(manager, ticketId);
    if (!ticket || !inScope(ticket.ars, scope)) throw new TicketsException(TicketErrorCode.NOT_FOUND, `ticket ${ticketId} does not exist`);
    if (ticket.anonymizedAt) throw new TicketsException(TicketErrorCode.ANONYMIZED, `${ticket.number} was anonymised and cannot change`);
    if (expectedVersion !== undefined && expectedVersion !== ticket.version) {
      throw new TicketsException(
        TicketErrorCode.VERSION_CONFLICT,
        `${ticket.number} is at version ${ticket.version}, not ${expectedVersion}: reload and try again`,
        { expectedVersion, actualVersion: ticket.version },
      );
    }
    return ticket;
  }

  /** One legal step of the state machine. @throws TICKET.ILLEGAL_TRANSITION */
  async moveTo(manager: EntityManager, ticket: Ticket, to: TicketState, actor: string, reason?: string): Promise<Ticket> {
    const from = ticket.state;
    assertTransition(ticket.number, from, to);
    const at = this.clock.now();
    const patch: TicketPatch = { state: to };
    if (to === 'answered') patch.resolvedAt = at;
    if (to === 'closed') {
      patch.closedAt = at;
      if (!ticket.resolvedAt) patch.resolvedAt = at;
    }
    if (to === 'open' && (from === 'answered' || from === 'closed')) {
      patch.resolvedAt = null;
      patch.closedAt = null;
    }
    const updated = await this.cases.patch(manager, ticket.id, patch, at);
    await this.audit.record(manager, {
      ticketId: ticket.id,
      subjectId: ticket.id,
      actor,
      action: 'state-changed',
      field: 'state',
      oldValue: from,
      newValue: to,
      at,
    });
    await this.outbox.append<TicketStateChangedEvent>(manager, {
      subject: TicketEvents.stateChanged,
      about: eventAbout('ticket', ticket.id),
      data: { ticketId: ticket.id, number: ticket.number, from, to, version: updated.version, actor, ...(reason ? { reason } : {}), ...owner(updated) },
    });
    await this.hooks.stateChanged(manager, { ticket: updated, from, to, actor, at });
    return (await this.cases.find(manager, ticket.id))!;
  }

  /** Moves through the states a command implies (answering a new case opens it first). */
  async moveAlong(manager: EntityManager, ticket: Ticket, to: TicketState, actor: string, reason?: string): Promise<Ticket> {
    const path = pathTo(ticket.state, to);
    if (!path) assertTransition(ticket.number, ticket.state, to);
    let current = ticket;
    for (const step of path ?? []) current = await this.moveTo(manager, current, step, actor, reason);
    return current;
  }

  /**
   * Writes changed fields with one history entry each (old → new) and a
   * `ticket.updated` event; `events: false` for changes that report themselves.
   */
  async change(
    manager: EntityManager,
    ticket: Ticket,
    patch: TicketPatch,
    actor: string,
    options: { action?: string; fields?: string[]; events?: boolean } = {},
  ): Promise<Ticket> {
    const at = this.clock.now();
    const changed = Object.entries(patch).filter(([key, value]) => !same((ticket as unknown as Record<string, unknown>)[key], value));
    const fields = options.fields ?? changed.map(([key]) => key);
    if (fields.length === 0) return ticket;
    const updated = await this.cases.patch(manager, ticket.id, Object.fromEntries(changed), at);
    const entries: NewAuditEntry[] = changed.map(([key, value]) => ({
      ticketId: ticket.id,
      subjectId: ticket.id,
      actor,
      action: options.action ?? 'updated',
      field: key,
      oldValue: (ticket as unknown as Record<string, unknown>)[key],
      newValue: value,
      personal: PERSONAL.has(key),
      at,
    }));
    await this.audit.record(manager, entries);
    if (options.events !== false) {
      await this.outbox.append<TicketUpdatedEvent>(manager, {
        subject: TicketEvents.updated,
        about: eventAbout('ticket', ticket.id),
        data: {
          ticketId: ticket.id,
          number: ticket.number,
          version: updated.version,
          fields,
          queue: updated.queueId,
          priority: updated.priority,
          actor,
          ...owner(updated),
        },
      });
    }
    return updated;
  }

  /** A change that is not a column (a new article): bumps the version, records and reports it. */
  async touched(manager: EntityManager, ticket: Ticket, actor: string, field: string, entry: { action: string; newValue?: unknown }): Promise<Ticket> {
    const at = this.clock.now();
    const updated = await this.cases.patch(manager, ticket.id, {}, at);
    await this.audit.record(manager, { ticketId: ticket.id, subjectId: ticket.id, actor, field, ...entry, at });
    await this.outbox.append<TicketUpdatedEvent>(manager, {
      subject: TicketEvents.updated,
      about: eventAbout('ticket', ticket.id),
      data: {
        ticketId: ticket.id,
        number: ticket.number,
        version: updated.version,
        fields: [field],
        queue: updated.queueId,
        priority: updated.priority,
        actor,
        ...owner(updated),
      },
    });
    return updated;
  }
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return (a ?? null) === (b ?? null);
}

/** The owner for a case event's data (absent while nobody has the case). */
function owner(ticket: Ticket): { ownerAgentId?: string } {
  return ticket.ownerAgentId ? { ownerAgentId: ticket.ownerAgentId } : {};
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { eventAbout, TicketAssignedEvent, TicketErrorCode, TicketEvents, TicketReservedEvent } from '@d115/contracts';
import { OutboxWriter } from '@d115/messaging';
import { AuditRepository } from '../audit/audit.repository';
import { CasesRepository } from '../cases/cases.repository';
import { Ticket } from '../cases/entities/ticket.entity';
import { TicketsException } from '../shared/tickets.exception';
import { AssignmentRepository } from './assignment.repository';
import { decidableReservation } from './domain/decidable-reservation';
import { Reservation } from './entities/reservation.entity';

/** The steps assignment use cases share: offering a case to an agent and making an agent its owner. */
@Injectable()
export class AssignmentSteps {
  constructor(
    private readonly repository: AssignmentRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: OutboxWriter,
    private readonly cases: CasesRepository,
  ) {}

  /**
   * Locks an open offer and its case for the agent's answer (accept or reject);
   * refused when the offer does not exist or may no longer be decided by `actor`.
   */
  async lockOfferForDecision(manager: EntityManager, reservationId: string, actor: string, at: Date): Promise<{ ticket: Ticket; reservation: Reservation }> {
    const offer = await this.repository.findReservation(manager, reservationId);
    if (!offer) throw new TicketsException(TicketErrorCode.RESERVATION_NOT_FOUND, `reservation ${reservationId} does not exist`);
    const ticket = (await this.cases.lock(manager, offer.ticketId))!;
    const reservation = decidableReservation(await this.repository.lockReservation(manager, offer.id), actor, at);
    return { ticket, reservation };
  }

  /**
   * Offers the (locked, waiting) case to the (locked) agent: takes one unit of the
   * agent's capacity — refused when there is none — and opens the reservation.
   */
  async reserve(manager: EntityManager, ticket: Ticket, agentId: string, timeoutSeconds: number, at: Date): Promise<Reservation | null> {
    if (!(await this.repository.takeLoad(manager, agentId, ticket.channel, at))) return null;
    const reservation: Reservation = {
      id: uuidv7(),
      ticketId: ticket.id,
      agentId,
      channel: ticket.channel,
      status: 'pending',
      reason: null,
      createdAt: at,
      expiresAt: new Date(at.getTime() + timeoutSeconds * 1000),
      decidedAt: null,
    };
    await this.repository.insertReservation(manager, reservation);
    await this.repository.route(manager, ticket.id, { status: 'reserved' }, at);
    await this.audit.record(manager, { ticketId: ticket.id, subjectId: ticket.id, actor: 'system:routing', action: 'reserved', newValue: agentId, at });
    await this.outbox.append<TicketReservedEvent>(manager, {
      subject: TicketEvents.reserved,
      about: eventAbout('ticket', ticket.id),
      data: {
        reservationId: reservation.id,
        ticketId: ticket.id,
        number: ticket.number,
        agentId,
        queue: ticket.queueId,
        channel: ticket.channel,
        priority: ticket.priority,
        expiresAt: reservation.expiresAt.toISOString(),
      },
    });
    return reservation;
  }

  /**
   * Makes the agent the owner (capacity already taken). The state stays: a `new`
   * case is opened by its owner's first action, as in Zammad.
   */
  async assign(manager: EntityManager, ticket: Ticket, agentId: string, via: TicketAssignedEvent['via'], actor: string, at: Date): Promise<Ticket> {
    const owned = await this.repository.route(manager, ticket.id, { status: 'assigned', ownerAgentId: agentId, queuedAt: null, clearEscalation: true }, at);
    await this.assigned(manager, { ...owned, ownerAgentId: ticket.ownerAgentId }, agentId, via, actor, at);
    return owned;
  }

  /** The history entry and `ticket.assigned` of an assignment already written (`ticket` as before it). */
  async assigned(manager: EntityManager, ticket: Ticket, agentId: string, via: TicketAssignedEvent['via'], actor: string, at: Date): Promise<void> {
    await this.audit.record(manager, {
      ticketId: ticket.id,
      subjectId: ticket.id,
      actor,
      action: 'assigned',
      field: 'owner',
      oldValue: ticket.ownerAgentId,
      newValue: agentId,
      at,
    });
    await this.announce(manager, ticket, agentId, via);
  }

  /** `ticket.assigned` (the history entry is already written). */
  async announce(manager: EntityManager, ticket: Ticket, agentId: string, via: TicketAssignedEvent['via']): Promise<void> {
    await this.outbox.append<TicketAssignedEvent>(manager, {
      subject: TicketEvents.assigned,
      about: eventAbout('ticket', ticket.id),
      data: { ticketId: ticket.id, number: ticket.number, agentId, queue: ticket.queueId, via },
    });
  }

  /** Puts a reserved case back to waiting and gives the agent's capacity back. */
  async unreserve(manager: EntityManager, reservation: Reservation, at: Date): Promise<void> {
    await this.repository.releaseLoad(manager, reservation.agentId, reservation.channel);
    await this.repository.route(manager, reservation.ticketId, { status: 'queued' }, at);
  }
}

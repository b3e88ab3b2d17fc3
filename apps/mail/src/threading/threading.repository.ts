import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertRows } from '../common/insert-rows';
import { TicketEntity } from './entities/ticket.entity';

export interface RememberedMessage {
  rfcMessageId: string;
  ticketId?: string;
  direction: 'in' | 'out';
  mailbox?: string;
  sender?: string;
}

export interface ThreadMatch {
  rfcMessageId: string;
  ticketId: string;
  number: string;
}

@Injectable()
export class ThreadingRepository {
  /** Creates or completes what we know of a ticket; participants accumulate. */
  async upsertTicket(manager: EntityManager, ticket: { ticketId: string; number: string; citizenEmail?: string; participants: string[] }): Promise<void> {
    await manager.query(
      `INSERT INTO ticket (ticket_id, number, citizen_email, participants) VALUES ($1, $2, $3, $4)
       ON CONFLICT (ticket_id) DO UPDATE SET
         citizen_email = COALESCE(EXCLUDED.citizen_email, ticket.citizen_email),
         participants = ARRAY(SELECT DISTINCT unnest(ticket.participants || EXCLUDED.participants)),
         updated_at = now()`,
      [ticket.ticketId, ticket.number, ticket.citizenEmail?.toLowerCase() ?? null, lower(ticket.participants)],
    );
  }

  async addParticipants(manager: EntityManager, ticketId: string, addresses: string[]): Promise<void> {
    if (addresses.length === 0) return;
    await manager.query(
      `UPDATE ticket SET participants = ARRAY(SELECT DISTINCT unnest(participants || $2::text[])), updated_at = now()
       WHERE ticket_id = $1 AND NOT (participants @> $2::text[])`,
      [ticketId, lower(addresses)],
    );
  }

  findTicketByNumber(manager: EntityManager, number: string): Promise<TicketEntity | null> {
    return manager.getRepository(TicketEntity).findOne({ where: { number } });
  }

  findTicket(manager: EntityManager, ticketId: string): Promise<TicketEntity | null> {
    return manager.getRepository(TicketEntity).findOne({ where: { ticketId } });
  }

  /** Tickets that the given Message-IDs belong to, in the order of the ids asked for. */
  async findByMessageIds(manager: EntityManager, ids: string[]): Promise<ThreadMatch[]> {
    if (ids.length === 0) return [];
    const rows: { rfc_message_id: string; ticket_id: string; number: string | null }[] = await manager.query(
      `SELECT m.rfc_message_id, m.ticket_id, t.number FROM thread_message m LEFT JOIN ticket t ON t.ticket_id = m.ticket_id
       WHERE m.rfc_message_id = ANY($1::text[]) AND m.ticket_id IS NOT NULL`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.rfc_message_id, row]));
    return ids
      .map((id) => byId.get(id))
      .filter((row): row is NonNullable<typeof row> => row !== undefined && row.number !== null)
      .map((row) => ({ rfcMessageId: row.rfc_message_id, ticketId: row.ticket_id, number: row.number! }));
  }

  /** Records a Message-ID we received or sent; a ticket learned later is kept, never overwritten. */
  rememberMessage(manager: EntityManager, message: RememberedMessage): Promise<void> {
    return this.rememberMessages(manager, [message]);
  }

  async rememberMessages(manager: EntityManager, messages: RememberedMessage[]): Promise<void> {
    // One row per Message-ID (a mail to two mailboxes is one message); the one that knows its ticket wins.
    const byId = new Map<string, RememberedMessage>();
    for (const message of messages) {
      const known = byId.get(message.rfcMessageId);
      if (!known || (!known.ticketId && message.ticketId)) byId.set(message.rfcMessageId, message);
    }
    if (byId.size === 0) return;
    const rows = [...byId.values()].map((m) => [m.rfcMessageId, m.ticketId ?? null, m.direction, m.mailbox ?? null, m.sender?.toLowerCase() ?? null]);
    await insertRows(
      manager,
      'thread_message',
      ['rfc_message_id', 'ticket_id', 'direction', 'mailbox', 'sender'],
      rows,
      'ON CONFLICT (rfc_message_id) DO UPDATE SET ticket_id = COALESCE(thread_message.ticket_id, EXCLUDED.ticket_id)',
    );
  }

  /** Assigns Message-IDs to a ticket; returns the senders of the received ones among them. */
  async linkToTicket(manager: EntityManager, ids: string[], ticketId: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { sender: string | null; direction: string }[] = await manager.query(
      `INSERT INTO thread_message (rfc_message_id, ticket_id, direction)
       SELECT id, $2, 'in' FROM unnest($1::text[]) AS id
       ON CONFLICT (rfc_message_id) DO UPDATE SET ticket_id = COALESCE(thread_message.ticket_id, EXCLUDED.ticket_id)
       RETURNING sender, direction`,
      [ids, ticketId],
    );
    return rows.filter((row) => row.direction === 'in' && row.sender).map((row) => row.sender!);
  }
}

function lower(addresses: string[]): string[] {
  return [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
}

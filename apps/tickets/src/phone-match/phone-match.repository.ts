import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketState } from '@d115/contracts';

export interface CaseWithPhone {
  id: string;
  number: string;
  subject: string;
  state: TicketState;
  createdAt: Date;
  phone: string;
}

/** Open cases that hold a citizen phone number (closed and anonymised cases are out of reach). */
@Injectable()
export class PhoneMatchRepository {
  async openCasesWithPhone(manager: EntityManager): Promise<CaseWithPhone[]> {
    const rows: { id: string; number: string; subject: string; state: TicketState; created_at: Date; citizen_phone: string }[] = await manager.query(
      `SELECT id, number, subject, state, created_at, citizen_phone FROM ticket
        WHERE state <> 'closed' AND anonymized_at IS NULL AND citizen_phone IS NOT NULL ORDER BY created_at DESC`,
    );
    return rows.map((row) => ({ id: row.id, number: row.number, subject: row.subject, state: row.state, createdAt: row.created_at, phone: row.citizen_phone }));
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Appointment } from './domain/appointment';

type Row = Record<string, unknown>;
const COLUMNS: [keyof Appointment, string][] = [
  ['id', 'id'],
  ['officeId', 'office_id'],
  ['services', 'services'],
  ['startsAt', 'starts_at'],
  ['endsAt', 'ends_at'],
  ['counter', 'counter'],
  ['status', 'status'],
  ['holdUntil', 'hold_until'],
  ['authKeyHash', 'auth_key_hash'],
  ['authFailures', 'auth_failures'],
  ['authBlockedUntil', 'auth_blocked_until'],
  ['citizenName', 'citizen_name'],
  ['citizenEmail', 'citizen_email'],
  ['citizenPhone', 'citizen_phone'],
  ['ticketNumber', 'ticket_number'],
  ['ticketId', 'ticket_id'],
  ['callId', 'call_id'],
  ['sequence', 'sequence'],
  ['externalRef', 'external_ref'],
  ['createdBy', 'created_by'],
  ['createdAt', 'created_at'],
  ['confirmedAt', 'confirmed_at'],
  ['cancelledAt', 'cancelled_at'],
  ['updatedAt', 'updated_at'],
];
const COLUMN_OF = new Map(COLUMNS);

function appointmentOf(row: Row): Appointment {
  return Object.fromEntries(COLUMNS.map(([property, column]) => [property, row[column]])) as unknown as Appointment;
}

const JSON_COLUMNS = new Set<keyof Appointment>(['services', 'externalRef']);
const valueOf = (property: keyof Appointment, value: unknown) => (JSON_COLUMNS.has(property) && value !== null ? JSON.stringify(value) : value);

export type AppointmentPatch = Partial<Omit<Appointment, 'id' | 'officeId' | 'createdAt' | 'createdBy' | 'updatedAt' | 'authKeyHash'>>;

/** Appointments in the appointments schema. */
@Injectable()
export class AppointmentsRepository {
  async insert(manager: EntityManager, appointment: Appointment): Promise<void> {
    await manager.query(
      `INSERT INTO appointment (${COLUMNS.map(([, c]) => c).join(', ')}) VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`,
      COLUMNS.map(([property]) => valueOf(property, appointment[property])),
    );
  }

  async find(manager: EntityManager, id: string): Promise<Appointment | undefined> {
    const rows: Row[] = await manager.query('SELECT * FROM appointment WHERE id = $1', [id]);
    return rows[0] ? appointmentOf(rows[0]) : undefined;
  }

  async lock(manager: EntityManager, id: string): Promise<Appointment | undefined> {
    const rows: Row[] = await manager.query('SELECT * FROM appointment WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] ? appointmentOf(rows[0]) : undefined;
  }

  /** Locks the given bookings unless another transaction holds them (the sweep or a reservation is at them). */
  async tryLockMany(manager: EntityManager, ids: string[]): Promise<Appointment[]> {
    if (ids.length === 0) return [];
    const rows: Row[] = await manager.query('SELECT * FROM appointment WHERE id = ANY($1::uuid[]) FOR UPDATE SKIP LOCKED', [ids]);
    return rows.map(appointmentOf);
  }

  /** Holds that have run out, oldest first, claimed so several instances sweep side by side. */
  async claimLapsed(manager: EntityManager, now: Date, limit: number): Promise<Appointment[]> {
    const rows: Row[] = await manager.query(
      `SELECT * FROM appointment WHERE status IN ('reserved', 'preconfirmed') AND hold_until <= $1
       ORDER BY hold_until LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map(appointmentOf);
  }

  async patch(manager: EntityManager, appointment: Appointment, patch: AppointmentPatch, at: Date): Promise<Appointment> {
    const entries = Object.entries(patch) as [keyof Appointment, unknown][];
    const sets = entries.map(([property], i) => `${COLUMN_OF.get(property)} = $${i + 1}`);
    await manager.query(`UPDATE appointment SET ${[...sets, `updated_at = $${entries.length + 1}`].join(', ')} WHERE id = $${entries.length + 2}`, [
      ...entries.map(([property, value]) => valueOf(property, value)),
      at,
      appointment.id,
    ]);
    return { ...appointment, ...patch, updatedAt: at };
  }
}

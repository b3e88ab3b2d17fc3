import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { AppointmentErrorCode, OfficeServiceDto } from '@d115/contracts';
import { AppointmentsException } from '../shared/appointments.exception';
import { Office } from './office';

type Row = Record<string, unknown>;
const OFFICE_COLUMNS = `id, name, street, house_number, postal_code, city, ars, state, email, phone, counters, slot_minutes, lead_time_minutes,
  horizon_days, opening_hours, closing_days, booking_system, external, source, updated_at`;

function serviceOf(row: Row): OfficeServiceDto {
  return {
    serviceId: row.service_id as string,
    name: row.name as string,
    ...(row.leika_key ? { leikaKey: row.leika_key as string } : {}),
    durationMinutes: row.duration_minutes as number,
    maxPerPerson: row.max_per_person as number,
    combinableWith: row.combinable_with as string[],
  };
}

function officeOf(row: Row, services: OfficeServiceDto[]): Office {
  return {
    id: row.id as string,
    name: row.name as string,
    address: {
      street: row.street as string,
      ...(row.house_number ? { houseNumber: row.house_number as string } : {}),
      postalCode: row.postal_code as string,
      city: row.city as string,
    },
    ars: row.ars as string,
    state: row.state as string,
    ...(row.email ? { email: row.email as string } : {}),
    ...(row.phone ? { phone: row.phone as string } : {}),
    counters: row.counters as number,
    slotMinutes: row.slot_minutes as number,
    leadTimeMinutes: row.lead_time_minutes as number,
    horizonDays: row.horizon_days as number,
    openingHours: row.opening_hours as Office['openingHours'],
    closingDays: row.closing_days as Office['closingDays'],
    services,
    bookingSystem: row.booking_system as Office['bookingSystem'],
    ...(row.external ? { external: row.external as Office['external'] } : {}),
    source: row.source as string,
    updatedAt: row.updated_at as Date,
  };
}

/** Offices, their services and the audit of their configuration. */
@Injectable()
export class OfficesRepository {
  async find(manager: EntityManager, id: string): Promise<Office | undefined> {
    return (await this.load(manager, 'WHERE id = $1', [id]))[0];
  }

  /** @throws AppointmentsException OFFICE_NOT_FOUND */
  async get(manager: EntityManager, id: string): Promise<Office> {
    const office = await this.find(manager, id);
    if (!office) throw new AppointmentsException(AppointmentErrorCode.OFFICE_NOT_FOUND, `no office ${id}`);
    return office;
  }

  /** Locks the office row: reservations of one office queue here, across instances. */
  async lock(manager: EntityManager, id: string): Promise<Office | undefined> {
    return (await this.load(manager, 'WHERE id = $1 FOR UPDATE', [id]))[0];
  }

  /**
   * Locks the row of an office already read and answers it as it is now: the
   * office read, unless its configuration changed meanwhile (one statement under
   * the lock instead of two on the hot path of a reservation).
   */
  async relock(manager: EntityManager, office: Office): Promise<Office> {
    const [row]: { updated_at: Date }[] = await manager.query('SELECT updated_at FROM office WHERE id = $1 FOR UPDATE', [office.id]);
    if (row && row.updated_at.getTime() === office.updatedAt.getTime()) return office;
    return this.get(manager, office.id);
  }

  list(manager: EntityManager, filter: { serviceId?: string; leikaKey?: string }): Promise<Office[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.serviceId) where.push(`id IN (SELECT office_id FROM office_service WHERE service_id = $${params.push(filter.serviceId)})`);
    if (filter.leikaKey) where.push(`id IN (SELECT office_id FROM office_service WHERE leika_key = $${params.push(filter.leikaKey)})`);
    return this.load(manager, `${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`, params);
  }

  async isEmpty(manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM office LIMIT 1');
    return rows.length === 0;
  }

  /** Writes the whole configuration of an office (its services replaced), returns it as stored. */
  async save(manager: EntityManager, office: Omit<Office, 'updatedAt'>, at: Date): Promise<Office> {
    const [stored]: { updated_at: Date }[] = await manager.query(
      `INSERT INTO office (${OFFICE_COLUMNS}, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)
       ON CONFLICT (id) DO UPDATE SET name = $2, street = $3, house_number = $4, postal_code = $5, city = $6, ars = $7, state = $8,
         email = $9, phone = $10, counters = $11, slot_minutes = $12, lead_time_minutes = $13, horizon_days = $14, opening_hours = $15,
         closing_days = $16, booking_system = $17, external = $18, source = $19,
         -- the version: strictly rising even when two changes share a clock reading (caches key on it)
         updated_at = greatest($20, office.updated_at + interval '1 millisecond')
       RETURNING updated_at`,
      [
        office.id,
        office.name,
        office.address.street,
        office.address.houseNumber ?? null,
        office.address.postalCode,
        office.address.city,
        office.ars,
        office.state,
        office.email ?? null,
        office.phone ?? null,
        office.counters,
        office.slotMinutes,
        office.leadTimeMinutes,
        office.horizonDays,
        JSON.stringify(office.openingHours),
        JSON.stringify(office.closingDays),
        office.bookingSystem,
        office.external ? JSON.stringify(office.external) : null,
        office.source,
        at,
      ],
    );
    await manager.query('DELETE FROM office_service WHERE office_id = $1', [office.id]);
    for (const service of office.services) {
      await manager.query(
        `INSERT INTO office_service (office_id, service_id, name, leika_key, duration_minutes, max_per_person, combinable_with)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [office.id, service.serviceId, service.name, service.leikaKey ?? null, service.durationMinutes, service.maxPerPerson, service.combinableWith],
      );
    }
    return { ...office, updatedAt: stored.updated_at };
  }

  async audit(manager: EntityManager, entry: { officeId: string; actor: string; action: string; value: unknown; at: Date }): Promise<void> {
    await manager.query('INSERT INTO office_audit (id, office_id, actor, action, value, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      uuidv7(),
      entry.officeId,
      entry.actor,
      entry.action,
      JSON.stringify(entry.value),
      entry.at,
    ]);
  }

  /** Offices with their services in one statement (availability reads an office per request). */
  private async load(manager: EntityManager, clause: string, params: unknown[]): Promise<Office[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${OFFICE_COLUMNS}, (SELECT coalesce(json_agg(s ORDER BY s.service_id), '[]') FROM office_service s WHERE s.office_id = office.id) AS services
       FROM office ${clause}`,
      params,
    );
    return rows.map((row) => officeOf(row, (row.services as Row[]).map(serviceOf)));
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Occupancy } from './occupancy';

/** Room for a counter number in a packed unit (counters go up to 100). */
const COUNTER_SLOTS = 128;

/**
 * A booked unit as one number, "minute since the epoch × 128 + counter": 60 days of a
 * busy office are thousands of units, and splitting one text is far cheaper than
 * rows or the driver's parse of arrays.
 */
const PACKED_UNIT = `(((extract(epoch FROM unit_start)::bigint / 60) * ${COUNTER_SLOTS} + counter)::text)`;

export interface BookedUnit {
  start: number;
  counter: number;
  /** End of the hold (ms); 0 for a confirmed booking. */
  holdUntil: number;
}

export interface BookedUnitsSnapshot {
  officeVersion: Date;
  unitsVersion: string;
  units: BookedUnit[];
}

function unpack(text: string | null): { units: BookedUnit[] } {
  if (!text) return { units: [] };
  return {
    units: text.split(',').map((item) => {
      const colon = item.indexOf(':');
      const value = Number(colon < 0 ? item : item.slice(0, colon));
      return { start: Math.floor(value / COUNTER_SLOTS) * 60_000, counter: value % COUNTER_SLOTS, holdUntil: colon < 0 ? 0 : Number(item.slice(colon + 1)) };
    }),
  };
}

/**
 * `booked_unit`: one row per counter and grid unit an appointment occupies.
 * Its primary key (office, unit, counter) refuses a second booking of the
 * same desk at the same time, whatever instance tries. A row of an unconfirmed
 * booking carries the hold's end; once that has passed the row counts as free,
 * before the sweep has even removed it.
 */
@Injectable()
export class BookedUnitsRepository {
  /** The live booked units of an office in [from, to) (under the office lock: the check before a reservation takes a counter). */
  async occupancy(manager: EntityManager, office: { id: string; counters: number; slotMinutes: number }, from: Date, to: Date, now: Date): Promise<Occupancy> {
    const [row]: { units: string | null }[] = await manager.query(
      `SELECT string_agg(${PACKED_UNIT}, ',') AS units FROM booked_unit
       WHERE office_id = $1 AND unit_start >= $2 AND unit_start < $3 AND (hold_until IS NULL OR hold_until > $4)`,
      [office.id, from, to, now],
    );
    const occupancy = new Occupancy(office.counters, office.slotMinutes * 60_000);
    for (const unit of unpack(row?.units ?? null).units) occupancy.add(unit.start, unit.counter);
    return occupancy;
  }

  /**
   * Every booked unit of an office in [from, to), lapsed holds included (the reader
   * judges them by its clock), with the office's version and units version read in
   * the same statement, so the three agree.
   */
  async snapshot(manager: EntityManager, officeId: string, from: Date, to: Date): Promise<BookedUnitsSnapshot | undefined> {
    const [row]: { units: string | null; version: Date | null; units_version: string | null }[] = await manager.query(
      `SELECT string_agg(${PACKED_UNIT} || coalesce(':' || (extract(epoch FROM hold_until) * 1000)::bigint, ''), ',') AS units,
              (SELECT updated_at FROM office WHERE id = $1) AS version, (SELECT units_version FROM office WHERE id = $1) AS units_version
       FROM booked_unit WHERE office_id = $1 AND unit_start >= $2 AND unit_start < $3`,
      [officeId, from, to],
    );
    if (!row?.version || row.units_version === null) return undefined;
    return { officeVersion: row.version, unitsVersion: row.units_version, ...unpack(row.units) };
  }

  /** The office's version and units version: what decides whether a snapshot is still current. */
  async versions(manager: EntityManager, officeId: string): Promise<{ officeVersion: Date; unitsVersion: string } | undefined> {
    const [row]: { updated_at: Date; units_version: string }[] = await manager.query('SELECT updated_at, units_version FROM office WHERE id = $1', [officeId]);
    return row ? { officeVersion: row.updated_at, unitsVersion: row.units_version } : undefined;
  }

  /** Takes units at a counter and raises the office's units version, in one statement. */
  async insert(
    manager: EntityManager,
    rows: { officeId: string; counter: number; appointmentId: string; holdUntil: Date | null; units: Date[] },
  ): Promise<void> {
    await manager.query(
      `WITH taken AS (INSERT INTO booked_unit (office_id, counter, unit_start, appointment_id, hold_until)
                      SELECT $1, $2, unit, $3, $4 FROM unnest($5::timestamptz[]) AS unit RETURNING office_id)
       UPDATE office SET units_version = units_version + 1 WHERE id = $1 AND EXISTS (SELECT 1 FROM taken)`,
      [rows.officeId, rows.counter, rows.appointmentId, rows.holdUntil, rows.units],
    );
  }

  /**
   * Frees a booking's units and raises the office's units version (the caller holds
   * the office lock). An expired hold frees them without touching the office: its
   * units stopped counting when the hold ran out, and the sweep, which holds no
   * office lock, must not wait for one.
   */
  async release(manager: EntityManager, appointmentId: string, reason: 'changed' | 'expired' = 'changed'): Promise<void> {
    if (reason === 'expired') {
      await manager.query('DELETE FROM booked_unit WHERE appointment_id = $1', [appointmentId]);
      return;
    }
    await manager.query(
      `WITH freed AS (DELETE FROM booked_unit WHERE appointment_id = $1 RETURNING office_id)
       UPDATE office SET units_version = units_version + 1 WHERE id IN (SELECT office_id FROM freed)`,
      [appointmentId],
    );
  }

  /** Changes (or ends) the hold of a booking's units and raises the office's units version. */
  async hold(manager: EntityManager, appointmentId: string, holdUntil: Date | null): Promise<void> {
    await manager.query(
      `WITH held AS (UPDATE booked_unit SET hold_until = $2 WHERE appointment_id = $1 RETURNING office_id)
       UPDATE office SET units_version = units_version + 1 WHERE id IN (SELECT office_id FROM held)`,
      [appointmentId, holdUntil],
    );
  }

  /** Bookings whose lapsed hold still has rows at these units (the reservation frees them before it books). */
  async lapsedAt(manager: EntityManager, officeId: string, units: Date[], now: Date): Promise<string[]> {
    const rows: { appointment_id: string }[] = await manager.query(
      `SELECT DISTINCT appointment_id FROM booked_unit WHERE office_id = $1 AND unit_start = ANY($2::timestamptz[]) AND hold_until <= $3`,
      [officeId, units, now],
    );
    return rows.map((r) => r.appointment_id);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfficeChanged } from '../offices/office-snapshots';
import { Occupancy } from './occupancy';

/** Room for a counter number in a packed unit (counters go up to 100). */
const COUNTER_SLOTS = 128;

/**
 * `booked_unit`: one row per counter and grid unit an appointment occupies.
 * Its primary key (office, unit, counter) refuses a second booking of the
 * same desk at the same time, whatever instance tries. A row of an unconfirmed
 * booking carries the hold's end; once that has passed the row counts as free,
 * before the sweep has even removed it.
 */
@Injectable()
export class BookedUnitsRepository {
  /**
   * The live booked units of an office in [from, to). With `officeVersion` the same
   * statement checks that the office is still at that version (the caller read it
   * earlier, e.g. from a snapshot) and throws OfficeChanged when it is not.
   */
  async occupancy(
    manager: EntityManager,
    office: { id: string; counters: number; slotMinutes: number },
    from: Date,
    to: Date,
    now: Date,
    officeVersion?: Date,
  ): Promise<Occupancy> {
    // One row, one string: "<minute since the epoch × 128 + counter>,…" — 60 days of a busy office are thousands
    // of units, and splitting one text is far cheaper than rows or the driver's parse of arrays.
    const [row]: { units: string | null; version: Date | null }[] = await manager.query(
      `SELECT string_agg(((extract(epoch FROM unit_start)::bigint / 60) * ${COUNTER_SLOTS} + counter)::text, ',') AS units,
              ${officeVersion ? '(SELECT updated_at FROM office WHERE id = $1)' : 'NULL::timestamptz'} AS version
       FROM booked_unit
       WHERE office_id = $1 AND unit_start >= $2 AND unit_start < $3 AND (hold_until IS NULL OR hold_until > $4)`,
      [office.id, from, to, now],
    );
    if (officeVersion && row?.version?.getTime() !== officeVersion.getTime()) throw new OfficeChanged(office.id);
    const occupancy = new Occupancy(office.counters, office.slotMinutes * 60_000);
    if (row?.units) {
      for (const packed of row.units.split(',')) {
        const value = Number(packed);
        occupancy.add(Math.floor(value / COUNTER_SLOTS) * 60_000, value % COUNTER_SLOTS);
      }
    }
    return occupancy;
  }

  async insert(
    manager: EntityManager,
    rows: { officeId: string; counter: number; appointmentId: string; holdUntil: Date | null; units: Date[] },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO booked_unit (office_id, counter, unit_start, appointment_id, hold_until)
       SELECT $1, $2, unit, $3, $4 FROM unnest($5::timestamptz[]) AS unit`,
      [rows.officeId, rows.counter, rows.appointmentId, rows.holdUntil, rows.units],
    );
  }

  async release(manager: EntityManager, appointmentId: string): Promise<void> {
    await manager.query('DELETE FROM booked_unit WHERE appointment_id = $1', [appointmentId]);
  }

  async hold(manager: EntityManager, appointmentId: string, holdUntil: Date | null): Promise<void> {
    await manager.query('UPDATE booked_unit SET hold_until = $2 WHERE appointment_id = $1', [appointmentId, holdUntil]);
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

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfficeChanged } from '../offices/office-snapshots';
import { BookedUnitsRepository, BookedUnitsSnapshot } from './booked-units.repository';
import { Occupancy } from './occupancy';

/** Snapshots kept per instance (per office and span). */
const MAX_SNAPSHOTS = 256;

interface Kept {
  snapshot: BookedUnitsSnapshot;
  /** The clock when it was read: a clock set back (tests) would revive holds the sweep has removed. */
  readAt: number;
  /** The occupancy built from it, good until the next of its live holds runs out. */
  built?: { occupancy: Occupancy; builtAt: number; validUntil: number };
}

type OfficeShape = { id: string; counters: number; slotMinutes: number; updatedAt: Date };

/**
 * Occupancy for availability: the booked units of an office over a span, kept per
 * instance and reused while the office's `units_version` — raised in the very
 * statement of every change to its units, on any instance — has not moved; checking
 * that is one key lookup instead of reading thousands of units. Holds are judged
 * by the clock, so a hold that runs out frees its units on time without any write
 * (the occupancy built from a snapshot is rebuilt when the next of its holds runs
 * out). Throws OfficeChanged when the office is no longer at the version the
 * caller read. Reservations never use this: they read under the office lock.
 */
@Injectable()
export class OccupancyReader {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly units: BookedUnitsRepository) {}

  async read(manager: EntityManager, office: OfficeShape, span: { from: Date; to: Date }, now: Date): Promise<Occupancy> {
    const key = `${office.id}|${span.from.getTime()}|${span.to.getTime()}`;
    const at = now.getTime();
    let current = await this.stillCurrent(manager, office, this.kept.get(key), at);
    if (!current) {
      const snapshot = await this.units.snapshot(manager, office.id, span.from, span.to);
      if (!snapshot || snapshot.officeVersion.getTime() !== office.updatedAt.getTime()) throw new OfficeChanged(office.id);
      current = { snapshot, readAt: at };
      this.keep(key, current);
    }
    const built = current.built;
    if (!built || at >= built.validUntil || at < built.builtAt) current.built = build(current.snapshot, office, at);
    return current.built!.occupancy;
  }

  private async stillCurrent(manager: EntityManager, office: OfficeShape, kept: Kept | undefined, at: number): Promise<Kept | undefined> {
    if (!kept || kept.readAt > at) return undefined;
    const versions = await this.units.versions(manager, office.id);
    if (!versions || versions.officeVersion.getTime() !== office.updatedAt.getTime()) throw new OfficeChanged(office.id);
    const same = versions.unitsVersion === kept.snapshot.unitsVersion && kept.snapshot.officeVersion.getTime() === office.updatedAt.getTime();
    return same ? kept : undefined;
  }

  private keep(key: string, kept: Kept): void {
    this.kept.delete(key);
    if (this.kept.size >= MAX_SNAPSHOTS) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, kept);
  }
}

/** The units that count at `at` (confirmed, or held beyond it), and until when that stays so. */
function build(
  snapshot: BookedUnitsSnapshot,
  office: { counters: number; slotMinutes: number },
  at: number,
): { occupancy: Occupancy; builtAt: number; validUntil: number } {
  const occupancy = new Occupancy(office.counters, office.slotMinutes * 60_000);
  let validUntil = Infinity;
  for (const unit of snapshot.units) {
    if (unit.holdUntil !== 0 && unit.holdUntil <= at) continue;
    occupancy.add(unit.start, unit.counter);
    if (unit.holdUntil !== 0) validUntil = Math.min(validUntil, unit.holdUntil);
  }
  return { occupancy, builtAt: at, validUntil };
}

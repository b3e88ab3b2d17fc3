import { Injectable } from '@nestjs/common';
import { Office } from './office';

/** Offices kept per instance: a few hundred at most, each a few kilobytes. */
const MAX_OFFICES = 1000;

/**
 * The last office configuration this instance read, for reads that check the
 * version in their own statement (availability: the booked units' query also
 * answers the office's `updated_at`, and a changed office is read again). Never
 * used where a stale office could decide anything unchecked.
 */
@Injectable()
export class OfficeSnapshots {
  private readonly offices = new Map<string, Office>();

  get(id: string): Office | undefined {
    return this.offices.get(id);
  }

  remember(office: Office): Office {
    if (!this.offices.has(office.id) && this.offices.size >= MAX_OFFICES) this.offices.delete(this.offices.keys().next().value as string);
    this.offices.set(office.id, office);
    return office;
  }
}

/** The office changed (or went) since the snapshot a read relied on was taken. */
export class OfficeChanged extends Error {
  constructor(readonly officeId: string) {
    super(`office ${officeId} changed since it was read`);
  }
}

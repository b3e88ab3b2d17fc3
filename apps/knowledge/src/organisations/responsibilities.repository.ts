import { Injectable } from '@nestjs/common';
import { OpeningHoursEntry } from '@d115/contracts';
import { Transactions } from '@d115/database';

export interface CoveringResponsibility {
  regionArs: string;
  appointmentBookable: boolean | null;
  appointmentUrl: string | null;
  unit: {
    id: string;
    name: string;
    email: string | null;
    phone: string | null;
    addressText: string | null;
    openingHours: OpeningHoursEntry[];
    openingHoursNote: string | null;
  };
}

@Injectable()
export class ResponsibilitiesRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Responsibilities for the service whose region covers `ars` (the ARS starts
   * with the region's significant prefix), most specific first; several units
   * for one region in name order.
   */
  async covering(serviceId: string, ars: string): Promise<CoveringResponsibility[]> {
    const rows: Record<string, unknown>[] = await this.transactions.manager.query(
      `SELECT r.region_ars, r.appointment_bookable, r.appointment_url,
              u.id, u.name, u.email, u.phone, u.address_text, u.opening_hours, u.opening_hours_note
       FROM responsibility r JOIN organisation_unit u ON u.id = r.organisation_unit_id
       WHERE r.service_id = $1 AND $2 LIKE r.region_prefix || '%'
       ORDER BY length(r.region_prefix) DESC, u.name`,
      [serviceId, ars],
    );
    return rows.map((row) => ({
      regionArs: row.region_ars as string,
      appointmentBookable: row.appointment_bookable as boolean | null,
      appointmentUrl: row.appointment_url as string | null,
      unit: {
        id: row.id as string,
        name: row.name as string,
        email: row.email as string | null,
        phone: row.phone as string | null,
        addressText: row.address_text as string | null,
        openingHours: row.opening_hours as OpeningHoursEntry[],
        openingHoursNote: row.opening_hours_note as string | null,
      },
    }));
  }
}

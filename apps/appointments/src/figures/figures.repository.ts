import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppointmentFiguresRow } from '@d115/contracts';

/** Counts over appointments by office and service; no citizen data involved. */
@Injectable()
export class FiguresRepository {
  /** Appointments starting in [from, to): booked = confirmed at some point; lead time from confirmation to start. */
  async byOfficeAndService(manager: EntityManager, from: Date, to: Date, officeId?: string): Promise<AppointmentFiguresRow[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT a.office_id, s.service ->> 'serviceId' AS service_id,
              count(*) FILTER (WHERE a.confirmed_at IS NOT NULL)::int AS booked,
              count(*) FILTER (WHERE a.status = 'cancelled' AND a.confirmed_at IS NOT NULL)::int AS cancelled,
              count(*) FILTER (WHERE a.status = 'no_show')::int AS no_show,
              avg(extract(epoch FROM a.starts_at - a.confirmed_at) / 86400) FILTER (WHERE a.confirmed_at IS NOT NULL) AS lead_days
       FROM appointment a CROSS JOIN LATERAL jsonb_array_elements(a.services) AS s(service)
       WHERE a.starts_at >= $1 AND a.starts_at < $2 AND ($3::text IS NULL OR a.office_id = $3)
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [from, to, officeId ?? null],
    );
    return rows.map((row) => ({
      officeId: row.office_id as string,
      serviceId: row.service_id as string,
      booked: row.booked as number,
      cancelled: row.cancelled as number,
      noShow: row.no_show as number,
      meanLeadTimeDays: row.lead_days === null ? null : Math.round(Number(row.lead_days) * 10) / 10,
    }));
  }
}

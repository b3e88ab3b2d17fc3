import { AppointmentErrorCode, RequestedServiceDto } from '@d115/contracts';
import { AppointmentsException } from '../shared/appointments.exception';
import { Office } from './office';

/** What an appointment for these services takes: the services with counts, and the grid units it occupies. */
export interface ServicePlan {
  services: { serviceId: string; name: string; count: number }[];
  durationMinutes: number;
  /** Grid units of `slotMinutes` the appointment occupies at its counter. */
  units: number;
}

/**
 * Checks the requested services against the office: each offered, at most its
 * per-person count, every pair combinable; the appointment lasts the sum of
 * the durations, rounded up to the office's grid.
 */
export function planServices(office: Office, requested: RequestedServiceDto[]): ServicePlan {
  const services = requested.map((wanted) => {
    const offered = office.services.find((s) => s.serviceId === wanted.serviceId);
    if (!offered) throw new AppointmentsException(AppointmentErrorCode.SERVICE_NOT_OFFERED, `${office.id} does not book ${wanted.serviceId}`);
    const count = wanted.count ?? 1;
    if (count > offered.maxPerPerson) {
      throw new AppointmentsException(AppointmentErrorCode.TOO_MANY_OF_SERVICE, `${wanted.serviceId}: at most ${offered.maxPerPerson} per person`);
    }
    return { offered, count };
  });
  if (new Set(services.map((s) => s.offered.serviceId)).size !== services.length) {
    throw new AppointmentsException(AppointmentErrorCode.SERVICES_NOT_COMBINABLE, 'a service is named twice; give its count instead');
  }
  for (const a of services) {
    for (const b of services) {
      if (a !== b && !a.offered.combinableWith.includes(b.offered.serviceId) && !b.offered.combinableWith.includes(a.offered.serviceId)) {
        throw new AppointmentsException(
          AppointmentErrorCode.SERVICES_NOT_COMBINABLE,
          `${a.offered.serviceId} and ${b.offered.serviceId} cannot be booked together`,
        );
      }
    }
  }
  const durationMinutes = services.reduce((sum, s) => sum + s.offered.durationMinutes * s.count, 0);
  return {
    services: services.map((s) => ({ serviceId: s.offered.serviceId, name: s.offered.name, count: s.count })),
    durationMinutes,
    units: Math.ceil(durationMinutes / office.slotMinutes),
  };
}

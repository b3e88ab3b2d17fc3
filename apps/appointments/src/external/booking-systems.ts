import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '@d115/platform';
import { AppointmentsEnv } from '../config/appointments.env';
import { Office } from '../offices/office';
import { BookingSystem } from './booking-system';
import { CircuitBreaker } from './circuit-breaker';
import { ZmsBookingSystem } from './zms/zms-booking-system';
import { ZmsClient } from './zms/zms-client';

/** The booking system of an office: undefined for the built-in calendar, else the adapter (one breaker per ZMS base URL). */
@Injectable()
export class BookingSystems {
  private readonly zms = new Map<string, ZmsBookingSystem>();

  constructor(@Inject(ENV) private readonly env: AppointmentsEnv) {}

  for(office: Office): BookingSystem | undefined {
    if (office.bookingSystem !== 'zms' || !office.external) return undefined;
    const { baseUrl } = office.external;
    let system = this.zms.get(baseUrl);
    if (!system) {
      const breaker = new CircuitBreaker(
        `ZMS ${baseUrl}`,
        this.env.APPOINTMENTS_EXTERNAL_BREAKER_THRESHOLD,
        this.env.APPOINTMENTS_EXTERNAL_BREAKER_COOLDOWN_MS,
      );
      system = new ZmsBookingSystem(
        new ZmsClient(baseUrl, { timeoutMs: this.env.APPOINTMENTS_EXTERNAL_TIMEOUT_MS, retries: this.env.APPOINTMENTS_EXTERNAL_RETRIES, breaker }),
      );
      this.zms.set(baseUrl, system);
    }
    return system;
  }
}

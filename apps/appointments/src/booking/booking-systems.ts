import { Inject, Injectable } from '@nestjs/common';
import { ENV } from '@d115/platform';
import { AppointmentsEnv } from '../config/appointments.env';
import { BookingSystem } from '../external/booking-system';
import { CircuitBreaker } from '../external/circuit-breaker';
import { ZmsBookingSystem } from '../external/zms/zms-booking-system';
import { ZmsClient } from '../external/zms/zms-client';
import { Office } from '../offices/office';
import { BuiltinBookingSystem } from './builtin-booking-system';

/** The booking system of an office: the built-in calendar, or the ZMS adapter (one client and breaker per ZMS base URL). */
@Injectable()
export class BookingSystems {
  private readonly zms = new Map<string, ZmsBookingSystem>();

  constructor(
    private readonly builtin: BuiltinBookingSystem,
    @Inject(ENV) private readonly env: AppointmentsEnv,
  ) {}

  for(office: Office): BookingSystem {
    if (office.bookingSystem !== 'zms' || !office.external) return this.builtin;
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

import { BusinessCalendar } from '@d115/calendar';
import { AppointmentErrorCode, AvailableDayDto } from '@d115/contracts';
import { Appointment } from '../../booking/domain/appointment';
import { Office } from '../../offices/office';
import { ServicePlan } from '../../offices/service-plan';
import { AppointmentsException } from '../../shared/appointments.exception';
import { BookingSystem, ExternalRef } from '../booking-system';
import { ZmsClient, ZmsProcessKey } from './zms-client';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * A ZMS `availableDays` entry: a date ("2027-03-02"), or an object with the
 * date (`time` or `date`) and the free starts as unix seconds
 * (`appointmentTimestamps`). Starts outside [from, to) are dropped.
 */
function dayOf(entry: unknown, range: { from: Date; to: Date }, localDateOf: (at: Date) => string): AvailableDayDto | undefined {
  const date = typeof entry === 'string' ? entry : isRecord(entry) ? (entry.time ?? entry.date) : undefined;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const stamps = isRecord(entry) && Array.isArray(entry.appointmentTimestamps) ? entry.appointmentTimestamps : [];
  const starts = stamps
    .map((s) => new Date(Number(s) * 1000))
    .filter((at) => !Number.isNaN(at.getTime()) && at >= range.from && at < range.to && localDateOf(at) === date)
    .sort((a, b) => a.getTime() - b.getTime())
    .map((at) => at.toISOString());
  return { date, starts };
}

/** An office served by a ZMS: d115's requests become calls of its citizen API. */
export class ZmsBookingSystem implements BookingSystem {
  readonly name = 'zms' as const;
  readonly usesOwnGrid = false;
  readonly mailsCitizens = false;
  readonly movable = false;

  constructor(private readonly client: ZmsClient) {}

  async availability(
    _manager: unknown,
    office: Office,
    plan: ServicePlan,
    range: { from: Date; to: Date },
    calendar: BusinessCalendar,
  ): Promise<AvailableDayDto[]> {
    const localDateOf = (at: Date) => calendar.localDateOf(at);
    const answer = await this.client.availableCalendar({
      startDate: localDateOf(range.from),
      endDate: localDateOf(new Date(range.to.getTime() - 1)),
      officeIds: [this.officeId(office)],
      serviceIds: plan.services.map((s) => this.serviceId(office, s.serviceId)),
      serviceCounts: plan.services.map((s) => s.count),
    });
    const days = Array.isArray(answer.availableDays) ? answer.availableDays : [];
    return days.map((d) => dayOf(d, range, localDateOf)).filter((d): d is AvailableDayDto => d !== undefined);
  }

  /** The ZMS reserves; no row lock is held while it answers (the transaction around it has touched nothing yet). */
  async reserve(_manager: unknown, office: Office, plan: ServicePlan, start: Date): Promise<{ counter: number; externalRef: ExternalRef }> {
    const process = await this.client.reserve({
      officeId: this.officeId(office),
      serviceId: plan.services.map((s) => this.serviceId(office, s.serviceId)),
      serviceCount: plan.services.map((s) => s.count),
      timestamp: Math.floor(start.getTime() / 1000),
    });
    if (!Number.isInteger(Number(process.processId)) || typeof process.authKey !== 'string') {
      throw new AppointmentsException(AppointmentErrorCode.EXTERNAL_REJECTED, 'ZMS reserve-appointment answered without processId and authKey');
    }
    return { counter: 0, externalRef: { system: 'zms', processId: Number(process.processId), authKey: process.authKey } };
  }

  async update(office: Office, appointment: Appointment): Promise<void> {
    await this.client.update({
      ...this.key(appointment),
      ...(appointment.citizenName ? { familyName: appointment.citizenName } : {}),
      ...(appointment.citizenEmail ? { email: appointment.citizenEmail } : {}),
      ...(appointment.citizenPhone ? { telephone: appointment.citizenPhone } : {}),
    });
  }

  async preconfirm(office: Office, appointment: Appointment): Promise<void> {
    await this.client.preconfirm(this.key(appointment));
  }

  async confirm(office: Office, appointment: Appointment): Promise<void> {
    await this.client.confirm(this.key(appointment));
  }

  async cancel(office: Office, appointment: Appointment): Promise<void> {
    await this.client.cancel(this.key(appointment));
  }

  private key(appointment: Appointment): ZmsProcessKey {
    const ref = appointment.externalRef;
    if (!ref) throw new AppointmentsException(AppointmentErrorCode.ILLEGAL_STATE, `${appointment.id} has no ZMS process`);
    return { processId: ref.processId, authKey: ref.authKey };
  }

  private officeId(office: Office): number {
    return (office.external as NonNullable<Office['external']>).officeId;
  }

  /** Our service id → the ZMS one: the office's map, else a numeric id as it is (DLDB ids are the ZMS ones). */
  private serviceId(office: Office, serviceId: string): number {
    const mapped = office.external?.serviceIds?.[serviceId] ?? (/^\d+$/.test(serviceId) ? Number(serviceId) : undefined);
    if (mapped === undefined) throw new AppointmentsException(AppointmentErrorCode.SERVICE_NOT_OFFERED, `${serviceId} has no ZMS service id at ${office.id}`);
    return mapped;
  }
}

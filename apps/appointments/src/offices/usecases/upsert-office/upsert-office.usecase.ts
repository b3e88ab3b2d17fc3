import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppointmentErrorCode, OfficeView, UpsertOfficeRequest } from '@d115/contracts';
import { CalendarException } from '@d115/calendar';
import { Transactions } from '@d115/database';
import { Clock } from '@d115/platform';
import { AppointmentsException } from '../../../shared/appointments.exception';
import { calendarOf } from '../../office-calendars';
import { Office, toOfficeView } from '../../office';
import { OfficesRepository } from '../../offices.repository';

export type OfficeConfiguration = Omit<UpsertOfficeRequest, 'actor'> & { source?: string };

/** What is wrong with a configuration that class-validator cannot see (hours, references between services). */
function problemsOf(config: OfficeConfiguration): string[] {
  const problems: string[] = [];
  try {
    calendarOf(config);
  } catch (error) {
    if (!(error instanceof CalendarException)) throw error;
    problems.push(error.message);
  }
  const ids = new Set(config.services.map((s) => s.serviceId));
  if (ids.size !== config.services.length) problems.push('a service id appears twice');
  for (const service of config.services) {
    for (const other of service.combinableWith) if (!ids.has(other)) problems.push(`${service.serviceId} combines with unknown service ${other}`);
  }
  if (config.bookingSystem === 'zms' && !config.external) problems.push('bookingSystem zms needs external (baseUrl, officeId)');
  return problems;
}

/** Creates or replaces an office's configuration; audited with the actor. */
@Injectable()
export class UpsertOfficeUsecase {
  constructor(
    private readonly offices: OfficesRepository,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  execute(cmd: UpsertOfficeRequest): Promise<OfficeView> {
    const { actor, ...config } = cmd;
    return this.transactions.run(async (manager) => toOfficeView(await this.save(manager, actor, { ...config, source: 'api' })));
  }

  /** @throws AppointmentsException INVALID_OFFICE naming every problem. */
  async save(manager: EntityManager, actor: string, config: OfficeConfiguration): Promise<Office> {
    const problems = problemsOf(config);
    if (problems.length) throw new AppointmentsException(AppointmentErrorCode.INVALID_OFFICE, problems.join('; '), { problems });
    const at = this.clock.now();
    const previous = await this.offices.find(manager, config.officeId);
    const office = await this.offices.save(
      manager,
      {
        id: config.officeId,
        name: config.name,
        address: config.address,
        ars: config.ars,
        state: config.state,
        email: config.email,
        phone: config.phone,
        counters: config.counters,
        slotMinutes: config.slotMinutes,
        leadTimeMinutes: config.leadTimeMinutes,
        horizonDays: config.horizonDays,
        openingHours: config.openingHours,
        closingDays: config.closingDays,
        services: config.services,
        bookingSystem: config.bookingSystem ?? 'builtin',
        external: config.external,
        source: config.source ?? 'api',
      },
      at,
    );
    await this.offices.audit(manager, { officeId: office.id, actor, action: previous ? 'office-updated' : 'office-created', value: config, at });
    return office;
  }
}

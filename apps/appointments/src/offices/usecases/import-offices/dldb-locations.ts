import { parseOpeningTimesText } from '@d115/calendar';
import { OfficeServiceDto, OpeningHoursDto } from '@d115/contracts';
import { OfficeConfiguration } from '../upsert-office/upsert-office.usecase';

export interface DldbImportOptions {
  ars: string;
  state: string;
  counters: number;
  durationMinutes: number;
}

export type DldbOffice = { ok: true; office: OfficeConfiguration } | { ok: false; position: string; reason: string };

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;

/** A DLDB service entry of a location (`{service, name?, appointment: {allowed, multiple}}`) → a bookable service, or none. */
function serviceOf(entry: Record<string, unknown>, durationMinutes: number): OfficeServiceDto | undefined {
  const id = text(entry.service);
  const appointment = record(entry.appointment);
  if (!id || appointment.allowed === false) return undefined;
  const multiple = Number(appointment.multiple);
  return {
    serviceId: id.toLowerCase(),
    name: text(entry.name) ?? `DLDB-Leistung ${id}`,
    durationMinutes,
    maxPerPerson: Number.isInteger(multiple) && multiple > 1 ? Math.min(multiple, 20) : 1,
    combinableWith: [],
  };
}

/**
 * The offices of a DLDB `locations_de.json` (`{data: [{id, name, address, contact,
 * opening_times, services}]}`) as office configurations. DLDB knows no counters,
 * durations or region: they come from the options. Services of one location are
 * all combinable, as the Berlin booking pages allow.
 */
export function dldbOffices(document: Record<string, unknown>, options: DldbImportOptions): DldbOffice[] {
  if (!Array.isArray(document.data)) return [{ ok: false, position: 'data', reason: 'not a DLDB export (expected {"data": [...]})' }];
  return document.data.map((item, i): DldbOffice => {
    const position = `data[${i}]`;
    const location = record(item);
    const id = text(location.id)?.toLowerCase();
    const address = record(location.address);
    const contact = record(location.contact);
    const postalCode = text(address.postal_code);
    if (!id || !/^[a-z0-9][a-z0-9-]{0,99}$/.test(id)) return { ok: false, position, reason: 'id missing or not usable as an office id' };
    if (!text(location.name)) return { ok: false, position, reason: 'name missing' };
    if (!text(address.street) || !postalCode || !/^\d{5}$/.test(postalCode) || !text(address.city))
      return { ok: false, position, reason: 'address incomplete' };
    const openingHours: OpeningHoursDto[] = parseOpeningTimesText(location.opening_times).ranges.map((r) => ({ day: r.weekday, from: r.from, to: r.to }));
    if (openingHours.length === 0) return { ok: false, position, reason: 'no opening times that parse' };
    const services = (Array.isArray(location.services) ? location.services : [])
      .map((entry) => serviceOf(record(entry), options.durationMinutes))
      .filter((s): s is OfficeServiceDto => s !== undefined);
    const ids = services.map((s) => s.serviceId);
    const email = text(contact.email);
    const phone = text(contact.phone);
    return {
      ok: true,
      office: {
        officeId: id,
        name: text(location.name) as string,
        address: { street: text(address.street) as string, houseNumber: text(address.house_number), postalCode, city: text(address.city) as string },
        ars: options.ars,
        state: options.state,
        ...(email && /^[^@\s]+@[^@\s]+$/.test(email) ? { email } : {}),
        ...(phone ? { phone: phone.slice(0, 50) } : {}),
        counters: options.counters,
        slotMinutes: Math.min(options.durationMinutes, 120),
        leadTimeMinutes: 60,
        horizonDays: 60,
        openingHours,
        closingDays: [],
        services: services.map((s) => ({ ...s, combinableWith: ids.filter((other) => other !== s.serviceId) })),
        source: 'dldb',
      },
    };
  });
}

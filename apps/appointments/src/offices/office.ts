import { BookingSystem, ClosingDayDto, ExternalSystemDto, OfficeAddressDto, OfficeServiceDto, OfficeView, OpeningHoursDto } from '@d115/contracts';

/** An office (Standort) as the service works with it; `updatedAt` keys the calendar cache. */
export interface Office {
  id: string;
  name: string;
  address: OfficeAddressDto;
  ars: string;
  state: string;
  email?: string;
  phone?: string;
  counters: number;
  slotMinutes: number;
  leadTimeMinutes: number;
  horizonDays: number;
  openingHours: OpeningHoursDto[];
  closingDays: ClosingDayDto[];
  services: OfficeServiceDto[];
  bookingSystem: BookingSystem;
  external?: ExternalSystemDto;
  source: string;
  updatedAt: Date;
}

/** One line for mails, calendar LOCATION and case notes: "Neuer Markt 3, 18055 Rostock". */
export function addressLine(address: OfficeAddressDto): string {
  return `${[address.street, address.houseNumber].filter(Boolean).join(' ')}, ${address.postalCode} ${address.city}`;
}

export function toOfficeView(office: Office): OfficeView {
  return {
    officeId: office.id,
    name: office.name,
    address: office.address,
    ars: office.ars,
    state: office.state,
    ...(office.email ? { email: office.email } : {}),
    ...(office.phone ? { phone: office.phone } : {}),
    counters: office.counters,
    slotMinutes: office.slotMinutes,
    leadTimeMinutes: office.leadTimeMinutes,
    horizonDays: office.horizonDays,
    openingHours: office.openingHours,
    closingDays: office.closingDays,
    services: office.services,
    bookingSystem: office.bookingSystem,
    ...(office.external ? { external: office.external } : {}),
    source: office.source,
    updatedAt: office.updatedAt.toISOString(),
  };
}

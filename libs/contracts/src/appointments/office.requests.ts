import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { ARS, LEIKA_KEY } from '../common/keys';
import { IsActor } from '../tickets/validators';

/** Office and service ids: lower-case kebab-case or digits (DLDB ids), e.g. `ortsamt-mitte`, `122210`. */
export const OFFICE_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const WEEKDAY_CODES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
/** "HH:MM"; closing time may be 24:00. */
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Who books and runs an office's calendar: d115 itself or an external ZMS. */
export const BOOKING_SYSTEMS = ['builtin', 'zms'] as const;
export type BookingSystem = (typeof BOOKING_SYSTEMS)[number];

export class OfficeAddressDto {
  @IsString() @MaxLength(200) street!: string;
  @IsOptional() @IsString() @MaxLength(20) houseNumber?: string;
  @Matches(/^\d{5}$/) postalCode!: string;
  @IsString() @MaxLength(100) city!: string;
}

export class OpeningHoursDto {
  @IsIn(WEEKDAY_CODES) day!: WeekdayCode;
  @Matches(CLOCK_TIME) from!: string;
  @Matches(CLOCK_TIME) to!: string;
}

export class ClosingDayDto {
  @Matches(LOCAL_DATE) date!: string;
  @IsString() @MaxLength(200) name!: string;
}

/** A service (Leistung) an office books, with its duration and limits. */
export class OfficeServiceDto {
  @Matches(OFFICE_ID) serviceId!: string;
  @IsString() @MaxLength(300) name!: string;
  @IsOptional() @Matches(LEIKA_KEY) leikaKey?: string;
  @IsInt() @Min(5) @Max(480) durationMinutes!: number;
  /** How many of this service one person may book at once. */
  @IsInt() @Min(1) @Max(20) maxPerPerson!: number;
  /** Other services of this office bookable in the same appointment. */
  @IsArray() @ArrayMaxSize(100) @Matches(OFFICE_ID, { each: true }) combinableWith!: string[];
}

/** Where a ZMS serves the office (when `bookingSystem` is `zms`). */
export class ExternalSystemDto {
  /** The ZMS citizen API base, e.g. `https://zms.example.org/buergeransicht/api/citizen`. */
  @Matches(/^https?:\/\/\S+$/) baseUrl!: string;
  /** The office's id in the ZMS (`officeId`). */
  @IsInt() @Min(1) officeId!: number;
  /** Our service id → the ZMS `serviceId`. */
  @IsOptional()
  @ValidateBy({
    name: 'isServiceIdMap',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(([k, v]) => OFFICE_ID.test(k) && Number.isInteger(v) && (v as number) > 0),
      defaultMessage: () => '$property must map service ids to positive integer ZMS service ids',
    },
  })
  serviceIds?: Record<string, number>;
}

/** `d115.appointments.office.upsert`: an office (Standort) with everything booking needs; replaces the previous configuration. */
export class UpsertOfficeRequest {
  @IsActor() actor!: string;
  @Matches(OFFICE_ID) officeId!: string;
  @IsString() @MaxLength(300) name!: string;
  @ValidateNested() @Type(() => OfficeAddressDto) address!: OfficeAddressDto;
  @Matches(ARS) ars!: string;
  /** Bundesland code for the public holidays (MV, BE, BY, …). */
  @Matches(/^[A-Z]{2}$/) state!: string;
  @IsOptional() @IsEmail() email?: string;
  @IsOptional() @IsString() @MaxLength(50) phone?: string;
  /** Parallel desks (Schalter); each serves one appointment at a time. */
  @IsInt() @Min(1) @Max(100) counters!: number;
  /** The grid appointments start on, minutes. */
  @IsInt() @Min(5) @Max(120) slotMinutes!: number;
  /** No slot starts earlier than this many minutes from now. */
  @IsInt() @Min(0) @Max(60 * 24 * 30) leadTimeMinutes!: number;
  @IsInt() @Min(1) @Max(365) horizonDays!: number;
  @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OpeningHoursDto) openingHours!: OpeningHoursDto[];
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => ClosingDayDto) closingDays!: ClosingDayDto[];
  @IsArray() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => OfficeServiceDto) services!: OfficeServiceDto[];
  @IsOptional() @IsIn(BOOKING_SYSTEMS) bookingSystem?: BookingSystem;
  @IsOptional() @ValidateNested() @Type(() => ExternalSystemDto) external?: ExternalSystemDto;
}

export class GetOfficeRequest {
  @IsActor() actor!: string;
  @Matches(OFFICE_ID) officeId!: string;
}

export class ListOfficesRequest {
  @IsActor() actor!: string;
  /** Offices offering this service only. */
  @IsOptional() @Matches(OFFICE_ID) serviceId?: string;
  @IsOptional() @Matches(LEIKA_KEY) leikaKey?: string;
}

/** `d115.appointments.office.import`: the offices of a DLDB `locations_de.json` (parsed document, not a path). */
export class ImportOfficesRequest {
  @IsActor() actor!: string;
  /** The DLDB document: `{ data: [ { id, name, address, contact, opening_times, services } ] }`. */
  @IsObject() document!: Record<string, unknown>;
  @Matches(ARS) ars!: string;
  @Matches(/^[A-Z]{2}$/) state!: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) counters?: number;
  @IsOptional() @IsInt() @Min(5) @Max(480) defaultDurationMinutes?: number;
  @IsOptional() @IsBoolean() dryRun?: boolean;
}

export class OfficeView {
  officeId!: string;
  name!: string;
  address!: OfficeAddressDto;
  ars!: string;
  state!: string;
  email?: string;
  phone?: string;
  counters!: number;
  slotMinutes!: number;
  leadTimeMinutes!: number;
  horizonDays!: number;
  openingHours!: OpeningHoursDto[];
  closingDays!: ClosingDayDto[];
  services!: OfficeServiceDto[];
  bookingSystem!: BookingSystem;
  external?: ExternalSystemDto;
  source!: string;
  updatedAt!: string;
}

export class ImportOfficesReply {
  applied!: number;
  rejected!: { position: string; reason: string }[];
}

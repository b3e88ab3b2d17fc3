import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TICKET_NUMBER } from '../tickets/tickets.subjects';
import { IsActor } from '../tickets/validators';
import { LOCAL_DATE, OFFICE_ID, OfficeAddressDto } from './office.requests';

export const APPOINTMENT_STATUSES = ['reserved', 'preconfirmed', 'confirmed', 'cancelled', 'expired', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** One service and how many of it (e.g. two passports for two children). */
export class RequestedServiceDto {
  @Matches(OFFICE_ID) serviceId!: string;
  @IsOptional() @IsInt() @Min(1) @Max(20) count?: number;
}

/** `d115.appointments.availability.get`: bookable days and free start times of the services at the offices. */
export class GetAvailabilityRequest {
  @IsActor() actor!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @Matches(OFFICE_ID, { each: true }) officeIds!: string[];
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => RequestedServiceDto) services!: RequestedServiceDto[];
  /** First local day (Europe/Berlin), default today. */
  @IsOptional() @Matches(LOCAL_DATE) from?: string;
  /** Last local day, inclusive; default the office's horizon. */
  @IsOptional() @Matches(LOCAL_DATE) to?: string;
}

export class AvailableDayDto {
  /** Local date, `YYYY-MM-DD`. */
  date!: string;
  /** Free start times as ISO instants (UTC). */
  starts!: string[];
}

export class OfficeAvailabilityDto {
  officeId!: string;
  durationMinutes!: number;
  days!: AvailableDayDto[];
}

export class AvailabilityReply {
  offices!: OfficeAvailabilityDto[];
}

/** Where the booking came from: the case or the call the agent is handling. */
export class BookingOriginDto {
  @IsOptional() @Matches(TICKET_NUMBER) ticketNumber?: string;
  @IsOptional() @IsUUID() ticketId?: string;
  @IsOptional() @IsString() @MaxLength(200) callId?: string;
}

/** `d115.appointments.reserve`: holds a slot for `holdMinutes` (default 15). */
export class ReserveAppointmentRequest {
  @IsActor() actor!: string;
  @Matches(OFFICE_ID) officeId!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => RequestedServiceDto) services!: RequestedServiceDto[];
  @IsISO8601({ strict: true }) start!: string;
  @IsOptional() @IsInt() @Min(1) @Max(120) holdMinutes?: number;
  @IsOptional() @ValidateNested() @Type(() => BookingOriginDto) origin?: BookingOriginDto;
}

/** Process id and auth key: what the citizen (or the agent for them) holds to act on a booking. */
export class ProcessKeyRequest {
  @IsActor() actor!: string;
  @IsUUID() processId!: string;
  @IsString() @MinLength(8) @MaxLength(200) authKey!: string;
}

/** `d115.appointments.update`: the citizen's data; every field optional, but an email or phone must remain. */
export class UpdateAppointmentRequest extends ProcessKeyRequest {
  @IsOptional() @IsString() @MaxLength(200) name?: string;
  @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @IsOptional() @Matches(/^\+?[0-9 ()/-]{5,30}$/) phone?: string;
}

/** `d115.appointments.preconfirm`: the citizen gets a mail with a confirmation link. */
export class PreconfirmAppointmentRequest extends ProcessKeyRequest {}

/** `d115.appointments.confirm`: the citizen's link, or an agent booking on their behalf. */
export class ConfirmAppointmentRequest extends ProcessKeyRequest {}

export class CancelAppointmentRequest extends ProcessKeyRequest {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

/** `d115.appointments.rebook`: the same appointment moved to another start at the same office. */
export class RebookAppointmentRequest extends ProcessKeyRequest {
  @IsISO8601({ strict: true }) start!: string;
}

export class GetAppointmentRequest extends ProcessKeyRequest {}

/** `d115.appointments.no-show`: the office records that the citizen did not come (office staff; no auth key). */
export class RecordNoShowRequest {
  @IsActor() actor!: string;
  @IsUUID() processId!: string;
  @Matches(OFFICE_ID) officeId!: string;
}

export class CitizenDto {
  name?: string;
  email?: string;
  phone?: string;
}

export class BookedServiceDto {
  serviceId!: string;
  name!: string;
  count!: number;
}

export class AppointmentView {
  processId!: string;
  status!: AppointmentStatus;
  officeId!: string;
  officeName!: string;
  address!: OfficeAddressDto;
  services!: BookedServiceDto[];
  startsAt!: string;
  endsAt!: string;
  /** Until when an unconfirmed hold keeps the slot. */
  holdUntil?: string;
  citizen!: CitizenDto;
  origin!: BookingOriginDto;
  /** iCalendar SEQUENCE: raised on every change the citizen's calendar must follow. */
  sequence!: number;
}

/** The reply to a reservation: the only time the auth key is handed out. */
export class ReservationReply extends AppointmentView {
  authKey!: string;
}

/** `d115.appointments.figures`: per office and service over a period. */
export class AppointmentFiguresRequest {
  @IsActor() actor!: string;
  @IsOptional() @Matches(OFFICE_ID) officeId?: string;
  @Matches(LOCAL_DATE) from!: string;
  /** Inclusive. */
  @Matches(LOCAL_DATE) to!: string;
}

export class AppointmentFiguresRow {
  officeId!: string;
  serviceId!: string;
  booked!: number;
  cancelled!: number;
  noShow!: number;
  /** Mean days from confirmation to the appointment; null when none was booked. */
  meanLeadTimeDays!: number | null;
}

export class AppointmentFiguresReply {
  rows!: AppointmentFiguresRow[];
}

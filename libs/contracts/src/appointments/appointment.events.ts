import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBase64,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { OFFICE_ID } from './office.requests';
import { TICKET_NUMBER } from '../tickets/tickets.subjects';
import { APPOINTMENT_STATUSES, AppointmentStatus } from './booking.requests';

export class AppointmentServiceRef {
  @Matches(OFFICE_ID) serviceId!: string;
  @IsInt() @Min(1) count!: number;
}

/** What every appointment event carries: no citizen data, only ids and times. */
export class AppointmentEvent {
  @IsUUID() processId!: string;
  @Matches(OFFICE_ID) officeId!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => AppointmentServiceRef) services!: AppointmentServiceRef[];
  @IsISO8601() startsAt!: string;
  @IsISO8601() endsAt!: string;
  @IsIn(APPOINTMENT_STATUSES) status!: AppointmentStatus;
  @IsOptional() @Matches(TICKET_NUMBER) ticketNumber?: string;
  @IsOptional() @IsUUID() ticketId?: string;
  @IsOptional() @IsString() @MaxLength(200) callId?: string;
  @IsString() @MaxLength(200) actor!: string;
}

/** `appointment.reserved`: a slot is held until `holdUntil`. */
export class AppointmentReservedEvent extends AppointmentEvent {
  @IsISO8601() holdUntil!: string;
}

/** `appointment.confirmed`; `officeName` and `officeAddress` let the case note say where. */
export class AppointmentConfirmedEvent extends AppointmentEvent {
  @IsString() officeName!: string;
  @IsString() officeAddress!: string;
}

export class AppointmentCancelledEvent extends AppointmentEvent {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class AppointmentExpiredEvent extends AppointmentEvent {}
export class AppointmentNoShowEvent extends AppointmentEvent {}
export class AppointmentRebookedEvent extends AppointmentEvent {
  @IsISO8601() previousStartsAt!: string;
}

export class NotificationRecipient {
  @IsEmail() address!: string;
  @IsOptional() @IsString() @MaxLength(200) name?: string;
}

export class NotificationAttachment {
  @IsString() @MaxLength(200) filename!: string;
  /** e.g. `text/calendar; method=REQUEST; charset=utf-8`. */
  @IsString() @MaxLength(200) contentType!: string;
  @IsBase64() contentBase64!: string;
}

/** `notification.requested`: a mail the mail service sends once per `notificationId`. */
export class NotificationRequestedEvent {
  @IsUUID() notificationId!: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => NotificationRecipient) to!: NotificationRecipient[];
  @IsString() @MaxLength(500) subject!: string;
  @IsString() @MaxLength(100_000) text!: string;
  @IsArray() @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => NotificationAttachment) attachments!: NotificationAttachment[];
  /** The appointment the mail is about. */
  @IsOptional() @IsUUID() processId?: string;
}

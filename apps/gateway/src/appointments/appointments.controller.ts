import { Controller, Get, HttpStatus, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AppointmentFiguresRequest,
  AppointmentSubjects,
  CancelAppointmentRequest,
  ConfirmAppointmentRequest,
  GetAppointmentRequest,
  GetAvailabilityRequest,
  ListOfficesRequest,
  PreconfirmAppointmentRequest,
  RebookAppointmentRequest,
  ReserveAppointmentRequest,
  UpdateAppointmentRequest,
} from '@d115/contracts';
import { RequestClient } from '@d115/messaging';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { Principal } from '../auth/principal';
import { JsonBody, JsonQuery } from '../http/contract-params';
import { UuidParam } from '../http/path-params';
import { Forwards } from '../http/reply.decorator';

const BY_KEY = ['actor', 'processId'] as const;
type ByKey = (typeof BY_KEY)[number];

/** Appointment handoff (`d115.appointments.*`): agents book for citizens; a booking is acted on by process id and auth key. */
@ApiTags('appointments')
@Controller('api/v1/appointments')
@Roles('agent', 'supervisor')
export class AppointmentsController {
  constructor(private readonly requests: RequestClient) {}

  @Post('availability')
  @Forwards(AppointmentSubjects.availability, { summary: 'Free start times per office for the requested services', status: HttpStatus.OK })
  availability(@CurrentUser() user: Principal, @JsonBody(GetAvailabilityRequest, ['actor']) body: Omit<GetAvailabilityRequest, 'actor'>) {
    return this.requests.request(AppointmentSubjects.availability, { ...body, actor: user.id });
  }

  @Get('offices')
  @Forwards(AppointmentSubjects.officeList, { summary: 'Offices that offer a service, to book at' })
  offices(@CurrentUser() user: Principal, @JsonQuery(ListOfficesRequest, ['actor']) query: Omit<ListOfficesRequest, 'actor'>) {
    return this.requests.request(AppointmentSubjects.officeList, { ...query, actor: user.id });
  }

  @Post()
  @Forwards(AppointmentSubjects.reserve, { summary: 'Hold a slot (the reply carries the process id and auth key)', status: HttpStatus.CREATED })
  reserve(@CurrentUser() user: Principal, @JsonBody(ReserveAppointmentRequest, ['actor']) body: Omit<ReserveAppointmentRequest, 'actor'>) {
    return this.requests.request(AppointmentSubjects.reserve, { ...body, actor: user.id });
  }

  @Get(':processId')
  @Forwards(AppointmentSubjects.get, { summary: 'An appointment by process id and auth key' })
  get(
    @CurrentUser() user: Principal,
    @UuidParam('processId') processId: string,
    @JsonQuery(GetAppointmentRequest, BY_KEY) query: Omit<GetAppointmentRequest, ByKey>,
  ) {
    return this.requests.request(AppointmentSubjects.get, { ...query, processId, actor: user.id });
  }

  @Patch(':processId')
  @Forwards(AppointmentSubjects.update, { summary: 'Change the citizen’s contact data' })
  update(
    @CurrentUser() user: Principal,
    @UuidParam('processId') processId: string,
    @JsonBody(UpdateAppointmentRequest, BY_KEY) body: Omit<UpdateAppointmentRequest, ByKey>,
  ) {
    return this.requests.request(AppointmentSubjects.update, { ...body, processId, actor: user.id });
  }

  @Post(':processId/preconfirm')
  @Forwards(AppointmentSubjects.preconfirm, { summary: 'Send the citizen the confirmation link', status: HttpStatus.OK })
  preconfirm(
    @CurrentUser() user: Principal,
    @UuidParam('processId') processId: string,
    @JsonBody(PreconfirmAppointmentRequest, BY_KEY) body: Omit<PreconfirmAppointmentRequest, ByKey>,
  ) {
    return this.requests.request(AppointmentSubjects.preconfirm, { ...body, processId, actor: user.id });
  }

  @Post(':processId/confirm')
  @Forwards(AppointmentSubjects.confirm, { summary: 'Confirm the booking on the citizen’s behalf', status: HttpStatus.OK })
  confirm(
    @CurrentUser() user: Principal,
    @UuidParam('processId') processId: string,
    @JsonBody(ConfirmAppointmentRequest, BY_KEY) body: Omit<ConfirmAppointmentRequest, ByKey>,
  ) {
    return this.requests.request(AppointmentSubjects.confirm, { ...body, processId, actor: user.id });
  }

  @Post(':processId/cancel')
  @Forwards(AppointmentSubjects.cancel, { summary: 'Cancel the appointment', status: HttpStatus.OK })
  cancel(
    @CurrentUser() user: Principal,
    @UuidParam('processId') processId: string,
    @JsonBody(CancelAppointmentRequest, BY_KEY) body: Omit<CancelAppointmentRequest, ByKey>,
  ) {
    return this.requests.request(AppointmentSubjects.cancel, { ...body, processId, actor: user.id });
  }

  @Post(':processId/rebook')
  @Forwards(AppointmentSubjects.rebook, { summary: 'Move the appointment to another start at the same office', status: HttpStatus.OK })
  rebook(
    @CurrentUser() user: Principal,
    @UuidParam('processId') processId: string,
    @JsonBody(RebookAppointmentRequest, BY_KEY) body: Omit<RebookAppointmentRequest, ByKey>,
  ) {
    return this.requests.request(AppointmentSubjects.rebook, { ...body, processId, actor: user.id });
  }
}

/** Booking figures for supervisors. */
@ApiTags('figures')
@Controller('api/v1/figures')
@Roles('supervisor', 'admin')
export class AppointmentFiguresController {
  constructor(private readonly requests: RequestClient) {}

  @Get('appointments')
  @Forwards(AppointmentSubjects.figures, { summary: 'Booked, cancelled, no-shows and lead time per office and service' })
  figures(@CurrentUser() user: Principal, @JsonQuery(AppointmentFiguresRequest, ['actor']) query: Omit<AppointmentFiguresRequest, 'actor'>) {
    return this.requests.request(AppointmentSubjects.figures, { ...query, actor: user.id });
  }
}

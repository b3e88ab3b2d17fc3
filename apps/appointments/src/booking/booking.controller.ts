import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppointmentSubjects,
  CancelAppointmentRequest,
  ConfirmAppointmentRequest,
  GetAppointmentRequest,
  PreconfirmAppointmentRequest,
  RebookAppointmentRequest,
  RecordNoShowRequest,
  ReplyOf,
  ReserveAppointmentRequest,
  UpdateAppointmentRequest,
} from '@d115/contracts';
import { CancelAppointmentUsecase } from './usecases/cancel-appointment/cancel-appointment.usecase';
import { ConfirmAppointmentUsecase } from './usecases/confirm-appointment/confirm-appointment.usecase';
import { GetAppointmentUsecase } from './usecases/get-appointment/get-appointment.usecase';
import { PreconfirmAppointmentUsecase } from './usecases/preconfirm-appointment/preconfirm-appointment.usecase';
import { RebookAppointmentUsecase } from './usecases/rebook-appointment/rebook-appointment.usecase';
import { RecordNoShowUsecase } from './usecases/record-no-show/record-no-show.usecase';
import { ReserveAppointmentUsecase } from './usecases/reserve-appointment/reserve-appointment.usecase';
import { UpdateAppointmentUsecase } from './usecases/update-appointment/update-appointment.usecase';

/** `d115.appointments.<step>` of a booking; one line per handler. */
@Controller()
export class BookingController {
  constructor(
    private readonly reserveAppointment: ReserveAppointmentUsecase,
    private readonly updateAppointment: UpdateAppointmentUsecase,
    private readonly preconfirmAppointment: PreconfirmAppointmentUsecase,
    private readonly confirmAppointment: ConfirmAppointmentUsecase,
    private readonly cancelAppointment: CancelAppointmentUsecase,
    private readonly rebookAppointment: RebookAppointmentUsecase,
    private readonly getAppointment: GetAppointmentUsecase,
    private readonly recordNoShow: RecordNoShowUsecase,
  ) {}

  @MessagePattern(AppointmentSubjects.reserve)
  reserve(@Payload() cmd: ReserveAppointmentRequest): Promise<ReplyOf<typeof AppointmentSubjects.reserve>> {
    return this.reserveAppointment.execute(cmd);
  }

  @MessagePattern(AppointmentSubjects.update)
  update(@Payload() cmd: UpdateAppointmentRequest): Promise<ReplyOf<typeof AppointmentSubjects.update>> {
    return this.updateAppointment.execute(cmd);
  }

  @MessagePattern(AppointmentSubjects.preconfirm)
  preconfirm(@Payload() cmd: PreconfirmAppointmentRequest): Promise<ReplyOf<typeof AppointmentSubjects.preconfirm>> {
    return this.preconfirmAppointment.execute(cmd);
  }

  @MessagePattern(AppointmentSubjects.confirm)
  confirm(@Payload() cmd: ConfirmAppointmentRequest): Promise<ReplyOf<typeof AppointmentSubjects.confirm>> {
    return this.confirmAppointment.execute(cmd);
  }

  @MessagePattern(AppointmentSubjects.cancel)
  cancel(@Payload() cmd: CancelAppointmentRequest): Promise<ReplyOf<typeof AppointmentSubjects.cancel>> {
    return this.cancelAppointment.execute(cmd);
  }

  @MessagePattern(AppointmentSubjects.rebook)
  rebook(@Payload() cmd: RebookAppointmentRequest): Promise<ReplyOf<typeof AppointmentSubjects.rebook>> {
    return this.rebookAppointment.execute(cmd);
  }

  @MessagePattern(AppointmentSubjects.get)
  get(@Payload() query: GetAppointmentRequest): Promise<ReplyOf<typeof AppointmentSubjects.get>> {
    return this.getAppointment.execute(query);
  }

  @MessagePattern(AppointmentSubjects.noShow)
  noShow(@Payload() cmd: RecordNoShowRequest): Promise<ReplyOf<typeof AppointmentSubjects.noShow>> {
    return this.recordNoShow.execute(cmd);
  }
}

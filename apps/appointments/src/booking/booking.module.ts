import { Module } from '@nestjs/common';
import { Notifications } from '../notifications/notifications';
import { OfficesModule } from '../offices/offices.module';
import { SlotsModule } from '../slots/slots.module';
import { AppointmentsRepository } from './appointments.repository';
import { BookingAccess } from './booking-access';
import { BookingController } from './booking.controller';
import { BookingSteps } from './booking-steps';
import { BookingSystems } from './booking-systems';
import { BuiltinBookingSystem } from './builtin-booking-system';
import { CancelAppointmentUsecase } from './usecases/cancel-appointment/cancel-appointment.usecase';
import { ConfirmAppointmentUsecase } from './usecases/confirm-appointment/confirm-appointment.usecase';
import { ExpireHoldsUsecase } from './usecases/expire-holds/expire-holds.usecase';
import { ForgetCitizensUsecase } from './usecases/forget-citizens/forget-citizens.usecase';
import { GetAppointmentUsecase } from './usecases/get-appointment/get-appointment.usecase';
import { PreconfirmAppointmentUsecase } from './usecases/preconfirm-appointment/preconfirm-appointment.usecase';
import { RebookAppointmentUsecase } from './usecases/rebook-appointment/rebook-appointment.usecase';
import { RecordNoShowUsecase } from './usecases/record-no-show/record-no-show.usecase';
import { ReserveAppointmentUsecase } from './usecases/reserve-appointment/reserve-appointment.usecase';
import { UpdateAppointmentUsecase } from './usecases/update-appointment/update-appointment.usecase';

/** Reservation → (pre)confirmation → cancellation, rebooking, no-shows, and the sweep of lapsed holds. */
@Module({
  imports: [OfficesModule, SlotsModule],
  controllers: [BookingController],
  providers: [
    AppointmentsRepository,
    BookingAccess,
    BookingSteps,
    BuiltinBookingSystem,
    BookingSystems,
    Notifications,
    ReserveAppointmentUsecase,
    UpdateAppointmentUsecase,
    PreconfirmAppointmentUsecase,
    ConfirmAppointmentUsecase,
    CancelAppointmentUsecase,
    RebookAppointmentUsecase,
    GetAppointmentUsecase,
    RecordNoShowUsecase,
    ExpireHoldsUsecase,
    ForgetCitizensUsecase,
  ],
  exports: [BookingSystems],
})
export class BookingModule {}

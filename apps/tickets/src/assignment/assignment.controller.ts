import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AcceptReservationRequest, ListReservationsRequest, RejectReservationRequest, ReplyOf, TakeNextRequest, TicketSubjects } from '@d115/contracts';
import { AcceptReservationUsecase } from './usecases/accept-reservation/accept-reservation.usecase';
import { ListReservationsUsecase } from './usecases/list-reservations/list-reservations.usecase';
import { RejectReservationUsecase } from './usecases/reject-reservation/reject-reservation.usecase';
import { TakeNextUsecase } from './usecases/take-next/take-next.usecase';

@Controller()
export class AssignmentController {
  constructor(
    private readonly takeNext: TakeNextUsecase,
    private readonly acceptReservation: AcceptReservationUsecase,
    private readonly rejectReservation: RejectReservationUsecase,
    private readonly listReservations: ListReservationsUsecase,
  ) {}

  @MessagePattern(TicketSubjects.takeNext)
  next(@Payload() cmd: TakeNextRequest): Promise<ReplyOf<typeof TicketSubjects.takeNext>> {
    return this.takeNext.execute(cmd);
  }

  @MessagePattern(TicketSubjects.reservationAccept)
  accept(@Payload() cmd: AcceptReservationRequest): Promise<ReplyOf<typeof TicketSubjects.reservationAccept>> {
    return this.acceptReservation.execute(cmd);
  }

  @MessagePattern(TicketSubjects.reservationReject)
  reject(@Payload() cmd: RejectReservationRequest): Promise<ReplyOf<typeof TicketSubjects.reservationReject>> {
    return this.rejectReservation.execute(cmd);
  }

  @MessagePattern(TicketSubjects.reservationList)
  list(@Payload() query: ListReservationsRequest): Promise<ReplyOf<typeof TicketSubjects.reservationList>> {
    return this.listReservations.execute(query);
  }
}

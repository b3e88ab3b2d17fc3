import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppointmentConfirmedEvent, AppointmentEvents, EventEnvelope } from '@d115/contracts';
import { EventConsumer, EventHandler } from '@d115/messaging';
import { NoteAppointmentUsecase } from './usecases/note-appointment/note-appointment.usecase';

@Injectable()
@EventConsumer({ durable: 'appointment-confirmed', subjects: [AppointmentEvents.confirmed], payload: AppointmentConfirmedEvent })
export class AppointmentConfirmedHandler implements EventHandler<AppointmentConfirmedEvent> {
  constructor(private readonly noteAppointment: NoteAppointmentUsecase) {}

  async handle(event: EventEnvelope<AppointmentConfirmedEvent>, manager: EntityManager): Promise<void> {
    await this.noteAppointment.execute(manager, event.data);
  }
}

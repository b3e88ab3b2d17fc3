export * from './appointments.subjects';
export * from './office.requests';
export * from './booking.requests';
export * from './appointment.events';

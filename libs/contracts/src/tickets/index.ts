export * from './tickets.subjects';
export * from './ticket.events';

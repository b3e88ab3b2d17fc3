import { eventSubject } from '../common/subjects';

export const TicketEvents = {
  created: eventSubject('tickets', 'ticket', 'created'),
  updated: eventSubject('tickets', 'ticket', 'updated'),
  stateChanged: eventSubject('tickets', 'ticket', 'state-changed'),
  reserved: eventSubject('tickets', 'ticket', 'reserved'),
  reservationExpired: eventSubject('tickets', 'ticket', 'reservation-expired'),
  assigned: eventSubject('tickets', 'ticket', 'assigned'),
  forwarded: eventSubject('tickets', 'ticket', 'forwarded'),
  replyRequested: eventSubject('tickets', 'reply', 'requested'),
  slaWarning: eventSubject('tickets', 'sla', 'warning'),
  slaBreached: eventSubject('tickets', 'sla', 'breached'),
} as const;

/** Human ticket number `115-<year>-<sequence>`, e.g. 115-2026-000123. */
export const TICKET_NUMBER = /^115-\d{4}-\d{6,}$/;

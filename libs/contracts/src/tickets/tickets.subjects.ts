import { eventSubject, requestSubject } from '../common/subjects';

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

/** Request/reply subjects the tickets service answers (queue group `tickets`). */
export const TicketSubjects = {
  // cases
  create: requestSubject('tickets', 'create'),
  get: requestSubject('tickets', 'get'),
  history: requestSubject('tickets', 'history'),
  search: requestSubject('tickets', 'search'),
  update: requestSubject('tickets', 'update'),
  addNote: requestSubject('tickets', 'add-note'),
  reply: requestSubject('tickets', 'reply'),
  transition: requestSubject('tickets', 'transition'),
  forward: requestSubject('tickets', 'forward'),
  // agents and assignment
  agentUpsert: requestSubject('tickets', 'agent.upsert'),
  agentGet: requestSubject('tickets', 'agent.get'),
  agentList: requestSubject('tickets', 'agent.list'),
  agentPresence: requestSubject('tickets', 'agent.presence'),
  takeNext: requestSubject('tickets', 'agent.take-next'),
  reservationAccept: requestSubject('tickets', 'reservation.accept'),
  reservationReject: requestSubject('tickets', 'reservation.reject'),
  reservationList: requestSubject('tickets', 'reservation.list'),
  // configuration
  queueUpsert: requestSubject('tickets', 'queue.upsert'),
  queueList: requestSubject('tickets', 'queue.list'),
  ruleUpsert: requestSubject('tickets', 'routing-rule.upsert'),
  ruleDelete: requestSubject('tickets', 'routing-rule.delete'),
  ruleList: requestSubject('tickets', 'routing-rule.list'),
  authorityUpsert: requestSubject('tickets', 'authority.upsert'),
  authorityList: requestSubject('tickets', 'authority.list'),
  slaPolicyUpsert: requestSubject('tickets', 'sla-policy.upsert'),
  slaPolicyList: requestSubject('tickets', 'sla-policy.list'),
  // figures and privacy
  figuresBacklog: requestSubject('tickets', 'figures.backlog'),
  figuresSla: requestSubject('tickets', 'figures.sla'),
  figuresHandlingTimes: requestSubject('tickets', 'figures.handling-times'),
  figuresOccupancy: requestSubject('tickets', 'figures.occupancy'),
  anonymize: requestSubject('tickets', 'privacy.anonymize'),
  // citizens
  status: requestSubject('tickets', 'status'),
  /** A new access key for the acknowledgment (replaces the previous one; the key is only ever in this reply). */
  issueStatusKey: requestSubject('tickets', 'status-key.issue'),
  // telephony screen pop
  casesByPhone: requestSubject('tickets', 'cases.by-phone'),
} as const;

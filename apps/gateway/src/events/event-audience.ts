import {
  SlaEvent,
  TicketAssignedEvent,
  TicketEvents,
  TicketReservationExpiredEvent,
  TicketReservedEvent,
  TicketStateChangedEvent,
  TicketUpdatedEvent,
} from '@d115/contracts';
import { LiveEvent } from './live-event';

type Translate = (data: never) => LiveEvent | undefined;

/**
 * Which domain event becomes which live event, for whom. Only ids, numbers and states
 * travel: a client fetches the case itself (an audited read) when it wants more.
 */
const TRANSLATIONS: Record<string, Translate> = {
  [TicketEvents.reserved]: (data: TicketReservedEvent) => ({
    event: 'reservation.offered',
    data: pick(data, ['reservationId', 'ticketId', 'number', 'queue', 'channel', 'priority', 'expiresAt']),
    audience: { agents: [data.agentId] },
  }),
  [TicketEvents.reservationExpired]: (data: TicketReservationExpiredEvent) => ({
    event: 'reservation.expired',
    data: pick(data, ['reservationId', 'ticketId', 'number']),
    audience: { agents: [data.agentId] },
  }),
  [TicketEvents.assigned]: (data: TicketAssignedEvent) => ({
    event: 'case.assigned',
    data: pick(data, ['ticketId', 'number', 'queue', 'via']),
    audience: { agents: [data.agentId] },
  }),
  [TicketEvents.updated]: (data: TicketUpdatedEvent) =>
    data.ownerAgentId
      ? {
          event: 'case.changed',
          data: { ...pick(data, ['ticketId', 'number', 'version', 'fields']), change: 'updated' },
          audience: { agents: [data.ownerAgentId] },
        }
      : undefined,
  [TicketEvents.stateChanged]: (data: TicketStateChangedEvent) =>
    data.ownerAgentId
      ? {
          event: 'case.changed',
          data: { ...pick(data, ['ticketId', 'number', 'version', 'from', 'to']), change: 'state' },
          audience: { agents: [data.ownerAgentId] },
        }
      : undefined,
  [TicketEvents.slaWarning]: (data: SlaEvent) => sla('sla.warning', data),
  [TicketEvents.slaBreached]: (data: SlaEvent) => sla('sla.breached', data),
};

function sla(event: 'sla.warning' | 'sla.breached', data: SlaEvent): LiveEvent {
  return {
    event,
    data: pick(data, ['ticketId', 'number', 'metric', 'queue', 'dueAt']),
    audience: { agents: data.ownerAgentId ? [data.ownerAgentId] : [], queue: data.queue, supervisors: true },
  };
}

function pick<T extends object, K extends keyof T>(data: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.filter((key) => data[key] !== undefined).map((key) => [key, data[key]])) as Pick<T, K>;
}

/** Subjects (un-namespaced) the hub listens to, with extra translations (telephony's screen pops) added by their modules. */
export class EventTranslations {
  private readonly translations = new Map<string, Translate>(Object.entries(TRANSLATIONS));

  add(subject: string, translate: Translate): void {
    this.translations.set(subject, translate);
  }

  translate(subject: string, data: unknown): LiveEvent | undefined {
    const translate = this.translations.get(subject);
    if (!translate || typeof data !== 'object' || data === null) return undefined;
    return translate(data as never);
  }
}

import { TicketEvents } from '@d115/contracts';
import { EventTranslations } from './event-audience';
import { reaches } from './live-event';

describe('EventTranslations', () => {
  const sut = new EventTranslations();
  const anna = { userId: 'anna', supervisor: false, queues: new Set(['general']) };
  const sven = { userId: 'sven', supervisor: true, queues: new Set<string>() };
  const otto = { userId: 'otto', supervisor: false, queues: new Set(['kfz']) };

  it('offers a reservation to its agent only, without naming the agent', () => {
    const event = sut.translate(TicketEvents.reserved, {
      reservationId: 'r',
      ticketId: 't',
      number: '115-2026-000001',
      agentId: 'anna',
      queue: 'general',
      channel: 'email',
      priority: 0,
      expiresAt: 'x',
    })!;
    expect(event.event).toBe('reservation.offered');
    expect(event.data).not.toHaveProperty('agentId');
    expect([anna, sven, otto].map((listener) => reaches(event.audience, listener))).toEqual([true, false, false]);
  });

  it('warns the owner, the queue’s agents and the supervisors of an SLA', () => {
    const event = sut.translate(TicketEvents.slaWarning, {
      ticketId: 't',
      number: 'n',
      metric: 'resolution',
      queue: 'kfz',
      ownerAgentId: 'anna',
      targetMinutes: 60,
      dueAt: 'x',
    })!;
    expect([anna, sven, otto].map((listener) => reaches(event.audience, listener))).toEqual([true, true, true]);
  });

  it('reports a change only to the case’s owner, and nothing for events it does not translate', () => {
    expect(
      sut.translate(TicketEvents.updated, { ticketId: 't', number: 'n', version: 2, fields: ['priority'], queue: 'general', priority: 1, actor: 'x' }),
    ).toBeUndefined();
    expect(sut.translate(TicketEvents.created, { ticketId: 't' })).toBeUndefined();
    const changed = sut.translate(TicketEvents.updated, {
      ticketId: 't',
      number: 'n',
      version: 2,
      fields: ['priority'],
      queue: 'general',
      priority: 1,
      actor: 'x',
      ownerAgentId: 'otto',
    })!;
    expect([anna, sven, otto].map((listener) => reaches(changed.audience, listener))).toEqual([false, false, true]);
  });
});

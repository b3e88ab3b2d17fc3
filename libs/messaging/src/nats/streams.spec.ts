import { streamKeyFor } from './streams';

describe('streamKeyFor', () => {
  it.each([
    ['d115.events.tickets.ticket.created', 'EVENTS'],
    ['d115.inbound.telephony.call.started', 'INBOUND'],
    ['d115.deadletter.tickets.probe', 'DEADLETTER'],
  ])('puts %s in %s', (subject, key) => {
    expect(streamKeyFor(subject)).toBe(key);
  });

  it('refuses a subject outside the d115 streams', () => {
    expect(() => streamKeyFor('d115.tickets.ping')).toThrow('belongs to no d115 stream');
  });
});

import { randomUUID } from 'node:crypto';
import { Subscription } from 'nats';
import { eventTypeOf, TicketEvents, TicketSubjects, TelephonySubjects, TicketState } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { CallSignal } from '../src/calls/call-signal';
import { TelephonyKit } from './support/telephony-kit';

const DAY = 86400 * 1000;

/**
 * Retention of caller numbers as the issue states it: kept while a case related to the call is
 * open (opened from its wrap-up, or shown by its screen pop), cleared 7 days after the last one
 * closed. The tickets service's events are published as it publishes them (its envelope).
 */
describe('telephony: caller numbers are kept while a related case is open', () => {
  let kit: TelephonyKit;
  let tickets: Subscription;
  /** The open cases the stand-in tickets service answers the screen pop with. */
  let openCases: { ticketId: string; number: string; subject: string; state: TicketState; createdAt: string }[] = [];

  beforeAll(async () => {
    kit = await TelephonyKit.create();
    await kit.start({ TELEPHONY_NUMBER_RETENTION_DAYS: '7' });
    // A stand-in for the tickets service's cases.by-phone (the Nest NATS packet format).
    tickets = kit.nc.subscribe(kit.env.namespace.subject(TicketSubjects.casesByPhone), {
      callback: (_error, message) => {
        const { id } = JSON.parse(message.string()) as { id: string };
        message.respond(JSON.stringify({ id, response: { cases: openCases }, isDisposed: true }));
      },
    });
  });

  afterAll(async () => {
    tickets.unsubscribe();
    await kit.dispose();
  });

  const t0 = new Date('2026-03-02T09:00:00.000Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const signal = (id: string, kind: CallSignal['kind'], ms: number, extra: Partial<CallSignal> = {}): CallSignal => ({
    pbx: 'pbx-r',
    externalCallId: id,
    kind,
    at: at(ms),
    ...extra,
  });

  /** An answered call of `number`, ended a minute after the offer; its d115 id. */
  const endedCall = async (number: string): Promise<string> => {
    const id = randomUUID();
    await kit.accept(signal(id, 'offered', 0, { callerNumber: number }), signal(id, 'answered', 5000, { agent: '2001' }));
    await kit.accept(signal(id, 'ended', 60000));
    return (await kit.call('pbx-r', id))!.id as string;
  };
  const numberOf = async (callId: string) =>
    (await kit.sql.query('SELECT caller_number FROM telephony.call WHERE id = $1', [callId])).rows[0].caller_number as string | null;
  const clearAt = async (ms: number) => {
    kit.freezeAt(at(ms));
    return kit.runJob('clear-caller-numbers');
  };

  /** Publishes a tickets event the way the tickets service's outbox relay does. */
  const ticketsEvent = async (subject: string, ticketId: string, data: object, time: Date) => {
    const id = randomUUID();
    const envelope = {
      specversion: '1.0',
      id,
      source: '/d115/tickets',
      type: eventTypeOf(subject),
      time: time.toISOString(),
      subject: `ticket/${ticketId}`,
      datacontenttype: 'application/json',
      correlationid: id,
      data,
    };
    await kit.nc.jetstream().publish(kit.env.namespace.subject(subject), JSON.stringify(envelope), { msgID: id });
  };
  const created = (ticketId: string, originRef: string | undefined, time: Date) =>
    ticketsEvent(
      TicketEvents.created,
      ticketId,
      { ticketId, number: '115-2026-000001', channel: 'phone', state: 'new', subject: 'Rückrufbitte', queue: 'allgemein', ...(originRef ? { originRef } : {}) },
      time,
    );
  const stateChanged = (ticketId: string, from: TicketState, to: TicketState, version: number, time: Date) =>
    ticketsEvent(TicketEvents.stateChanged, ticketId, { ticketId, number: '115-2026-000001', from, to, version, actor: 'agent-anna' }, time);
  const caseState = (ticketId: string) =>
    kit.sql
      .query('SELECT closed_at, version FROM telephony.related_case WHERE ticket_id = $1', [ticketId])
      .then((r) => r.rows[0] as { closed_at: Date | null; version: number } | undefined);

  it('keeps the number of a call whose wrap-up opened a case until 7 days after the case closed, whatever the order of its events', async () => {
    const callId = await endedCall('0381 1000001');
    kit.freezeAt(at(120000));
    await kit.request(TelephonySubjects.wrapUp, {
      actor: 'agent-anna',
      callId,
      outcome: 'callback',
      note: 'Rückruf',
      callback: { preferredChannel: 'phone', useCallerNumber: true },
    });
    const ticketId = randomUUID();
    await created(ticketId, `call:${callId}`, at(121000));
    await waitFor(async () => (await kit.count('SELECT count(*) FROM telephony.call_case WHERE call_id = $1', [callId])) === 1 || undefined, 'case linked');

    expect(await clearAt(30 * DAY)).toBe(0); // the case is open: a month later the number is still there
    expect(await numberOf(callId)).toBe('0381 1000001');

    // Closed on day 20; the reopening (version 2) is delivered after the close (version 3): the close stands.
    await stateChanged(ticketId, 'answered', 'closed', 3, at(20 * DAY));
    await waitFor(async () => ((await caseState(ticketId))?.version === 3 ? true : undefined), 'close recorded');
    await stateChanged(ticketId, 'closed', 'open', 2, at(19 * DAY));
    await stateChanged(ticketId, 'new', 'open', 1, at(DAY));
    await waitFor(
      async () => (await kit.count("SELECT count(*) FROM telephony.inbox WHERE consumer = 'telephony-case-state-changed'")) === 3 || undefined,
      'all handled',
    );
    expect(await caseState(ticketId)).toEqual({ closed_at: at(20 * DAY), version: 3 });

    expect(await clearAt(27 * DAY - 1000)).toBe(0);
    expect(await numberOf(callId)).toBe('0381 1000001');
    expect(await clearAt(27 * DAY + 1000)).toBe(1);
    expect(await numberOf(callId)).toBeNull();
  });

  it('keeps the number while a case the screen pop showed is open, and again after the case is reopened', async () => {
    const ticketId = randomUUID();
    openCases = [{ ticketId, number: '115-2026-000002', subject: 'Wohngeld', state: 'open', createdAt: t0.toISOString() }];
    const callId = await endedCall('0381 1000002');
    await waitFor(
      async () => (await kit.count("SELECT count(*) FROM telephony.call_case WHERE call_id = $1 AND linked_by = 'screen-pop'", [callId])) === 1 || undefined,
      'popped case linked',
    );
    openCases = [];

    expect(await clearAt(10 * DAY)).toBe(0);
    await stateChanged(ticketId, 'answered', 'closed', 5, at(2 * DAY));
    await waitFor(async () => ((await caseState(ticketId))?.closed_at ? true : undefined), 'close recorded');
    await stateChanged(ticketId, 'closed', 'open', 6, at(3 * DAY));
    await waitFor(async () => ((await caseState(ticketId))?.version === 6 ? true : undefined), 'reopening recorded');
    expect(await clearAt(11 * DAY)).toBe(0); // reopened: needed again
    await stateChanged(ticketId, 'open', 'closed', 7, at(12 * DAY));
    await waitFor(async () => ((await caseState(ticketId))?.version === 7 ? true : undefined), 'second close recorded');
    expect(await clearAt(19 * DAY - 1000)).toBe(0);
    expect(await clearAt(19 * DAY + 1000)).toBe(1);
    expect(await numberOf(callId)).toBeNull();
  });

  it('clears 7 days after the call when no case is related, and 7 days after a wrap-up whose case tickets never reported', async () => {
    const plain = await endedCall('0381 1000003');
    const pending = await endedCall('0381 1000004');
    kit.freezeAt(at(3 * DAY));
    await kit.request(TelephonySubjects.wrapUp, { actor: 'agent-anna', callId: pending, outcome: 'forwarded', note: 'an die Kfz-Stelle' });
    // A case opened elsewhere (no originRef) is not related to either call.
    const unrelated = randomUUID();
    await created(unrelated, undefined, at(3 * DAY));
    await stateChanged(unrelated, 'new', 'closed', 2, at(3 * DAY));
    await waitFor(
      async () => (await kit.count("SELECT count(*) FROM telephony.inbox WHERE consumer = 'telephony-case-opened'")) >= 2 || undefined,
      'created handled',
    );
    await waitFor(async () => ((await caseState(unrelated))?.version === 2 ? true : undefined), 'unrelated close recorded');

    expect(await clearAt(7 * DAY + 61000)).toBe(1);
    expect(await numberOf(plain)).toBeNull();
    expect(await numberOf(pending)).toBe('0381 1000004');
    expect(await clearAt(10 * DAY + 1000)).toBe(1);
    expect(await numberOf(pending)).toBeNull();
    // The state of a case no call is related to is forgotten a retention period after it closed.
    expect(await caseState(unrelated)).toBeUndefined();
    expect(await kit.count("SELECT count(*) FROM telephony.number_clearing WHERE actor = 'system:telephony' AND retention_days = 7")).toBeGreaterThanOrEqual(4);
  });
});

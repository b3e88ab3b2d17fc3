import { TicketErrorCode, TicketSubjects, TicketView } from '@d115/contracts';
import { mail, MAIL_RECEIVED, publishEvent } from './support/events';
import { TicketsKit } from './support/tickets-kit';
import { waitFor } from '@d115/testing';

const ADMIN = 'system:admin';
const DAY = 24 * 3600 * 1000;

/** Closed cases past the retention period lose personal data, keep their statistics; runs and reads are audited. */
describe('tickets: privacy', () => {
  let kit: TicketsKit;
  const closedAt = new Date('2027-01-05T10:00:00+01:00');

  beforeAll(async () => {
    kit = await TicketsKit.create();
    await kit.start({ TICKETS_SCHEDULER_ENABLED: 'false', TICKETS_ANONYMIZE_AFTER_DAYS: '90' });
  });

  afterAll(() => kit.dispose());

  async function closedCase(at: Date): Promise<TicketView> {
    kit.freezeAt(new Date(at.getTime() - 3600_000));
    const received = mail({
      from: { address: 'erika@example.org', name: 'Erika Mustermann' },
      subject: 'Erika Mustermann, Musterweg 1: Wohngeld',
      text: 'Ich, Erika, wohne im Musterweg 1.',
    });
    await publishEvent(kit.nc.jetstream(), kit.env.namespace, MAIL_RECEIVED, received, '/d115/mail');
    const ticketId = await waitFor(
      async () => (await kit.sql.query('SELECT ticket_id FROM tickets.article WHERE mail_message_id = $1', [received.messageId])).rows[0]?.ticket_id as string,
      'case from mail',
    );
    await kit.request(TicketSubjects.update, {
      actor: 'agent-1',
      ticketId,
      citizen: { name: 'Erika Mustermann', email: 'erika@example.org', phone: '0381 123' },
    });
    await kit.request(TicketSubjects.addNote, { actor: 'agent-1', ticketId, text: 'Frau Mustermann ruft morgen an.' });
    await kit.request(TicketSubjects.reply, { actor: 'agent-1', ticketId, text: 'Sehr geehrte Frau Mustermann, …' });
    kit.freezeAt(at);
    return kit.request(TicketSubjects.transition, { actor: 'agent-1', ticketId, to: 'closed' });
  }

  it('anonymises closed cases older than 90 days, keeps statistics, and records the run', async () => {
    const old = await closedCase(closedAt);
    const recent = await closedCase(new Date(closedAt.getTime() + 80 * DAY));
    kit.freezeAt(new Date(closedAt.getTime() + 91 * DAY));
    const timesBefore = await kit.request(TicketSubjects.figuresHandlingTimes, { actor: ADMIN, from: '2027-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' });

    const run = await kit.request(TicketSubjects.anonymize, { actor: 'dpo-dora' });
    expect(run).toMatchObject({ anonymized: 1, cutoff: new Date(closedAt.getTime() + DAY).toISOString() });

    const detail = await kit.request(TicketSubjects.get, { actor: 'dpo-dora', ticketId: old.id });
    expect(detail.citizen).toBeUndefined();
    expect(detail.subject).toBe('[anonymisiert]');
    expect(detail.anonymizedAt).toBeDefined();
    expect(detail).toMatchObject({ channel: 'email', state: 'closed', queue: 'general', mailbox: '115@rostock.de' });
    for (const article of detail.articles) {
      expect(article.text).toBe('[anonymisiert]');
      expect(article).not.toHaveProperty('from');
      expect(article).not.toHaveProperty('to');
      expect(article.author).not.toContain('@');
    }
    const personal = await kit.sql.query('SELECT DISTINCT old_value, new_value FROM tickets.audit_entry WHERE ticket_id = $1 AND personal', [old.id]);
    expect(personal.rows).toEqual([{ old_value: '[anonymisiert]', new_value: '[anonymisiert]' }]);
    const leftovers = await kit.sql.query(
      `SELECT 'ticket' AS t FROM tickets.ticket WHERE id = $1 AND (row_to_json(ticket.*)::text ~* 'mustermann|erika|musterweg')
       UNION ALL SELECT 'article' FROM tickets.article WHERE ticket_id = $1 AND (row_to_json(article.*)::text ~* 'mustermann|erika|musterweg')
       UNION ALL SELECT 'audit' FROM tickets.audit_entry WHERE ticket_id = $1 AND (row_to_json(audit_entry.*)::text ~* 'mustermann|erika|musterweg')`,
      [old.id],
    );
    expect(leftovers.rows).toEqual([]);
    expect(detail.history.find((h) => h.action === 'anonymized')).toMatchObject({ actor: 'dpo-dora', to: run.runId });
    expect(detail.sla.every((clock) => clock.status === 'stopped')).toBe(true);
    // Statistics are unchanged.
    const timesAfter = await kit.request(TicketSubjects.figuresHandlingTimes, { actor: ADMIN, from: '2027-01-01T00:00:00Z', to: '2027-12-31T00:00:00Z' });
    expect(timesAfter).toEqual(timesBefore);

    const untouched = await kit.request(TicketSubjects.get, { actor: ADMIN, ticketId: recent.id });
    expect(untouched.citizen).toMatchObject({ name: 'Erika Mustermann' });

    const runs = await kit.sql.query('SELECT actor, anonymized, finished_at IS NOT NULL AS finished FROM tickets.privacy_run');
    expect(runs.rows).toEqual([{ actor: 'dpo-dora', anonymized: 1, finished: true }]);
    const audited = await kit.count("SELECT count(*) FROM tickets.audit_entry WHERE subject_type = 'privacy-run' AND actor = 'dpo-dora'");
    expect(audited).toBe(1);
  });

  it('refuses changes to an anonymised case', async () => {
    const [{ id }] = (await kit.sql.query('SELECT id FROM tickets.ticket WHERE anonymized_at IS NOT NULL')).rows;
    const failure = await kit.failure(TicketSubjects.transition, { actor: 'agent-1', ticketId: id, to: 'open' });
    expect(failure.code).toBe(TicketErrorCode.ANONYMIZED);
  });

  it('runs on schedule too, recording only runs that anonymised something', async () => {
    expect(await kit.runJob('anonymize')).toBe(0);
    kit.freezeAt(new Date(closedAt.getTime() + 200 * DAY));
    expect(await kit.runJob('anonymize')).toBe(1);
    const runs = await kit.sql.query('SELECT actor, anonymized FROM tickets.privacy_run ORDER BY started_at');
    expect(runs.rows).toEqual([
      { actor: 'dpo-dora', anonymized: 1 },
      { actor: 'system:privacy', anonymized: 1 },
    ]);
  });
});

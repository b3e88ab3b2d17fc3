import { EntityManager } from 'typeorm';
import { MailEnv } from '../../../config/mail.env';
import { TicketEntity } from '../../entities/ticket.entity';
import { TicketTag } from '../../ticket-tag';
import { ThreadingRepository, ThreadMatch } from '../../threading.repository';
import { FindThreadInput, FindThreadUsecase } from './find-thread.usecase';

const TICKET = { ticketId: '0190c0de-0000-7000-8000-000000000123', number: '115-2026-000123' };
const OTHER = { ticketId: '0190c0de-0000-7000-8000-000000000456', number: '115-2026-000456' };

/** The repository's two lookups over an in-memory picture of what the mail service knows. */
class KnownThreads {
  readonly messages = new Map<string, typeof TICKET>([
    ['ack-123@rostock.de', TICKET],
    ['erika-1@example.org', TICKET],
    ['ack-456@rostock.de', OTHER],
  ]);
  readonly participants = new Map<string, string[]>([
    [TICKET.ticketId, ['erika@example.org', 'bauamt@rostock.de']],
    [OTHER.ticketId, ['max@example.org']],
  ]);

  asRepository(): ThreadingRepository {
    const ticket = (t: typeof TICKET) => ({ ...t, participants: this.participants.get(t.ticketId) ?? [] }) as unknown as TicketEntity;
    return {
      findByMessageIds: async (_m: EntityManager, ids: string[]): Promise<ThreadMatch[]> =>
        ids.filter((id) => this.messages.has(id)).map((id) => ({ rfcMessageId: id, ...this.messages.get(id)! })),
      findTicketByNumber: async (_m: EntityManager, number: string) => [TICKET, OTHER].filter((t) => t.number === number).map(ticket)[0] ?? null,
      findTicket: async (_m: EntityManager, id: string) => [TICKET, OTHER].filter((t) => t.ticketId === id).map(ticket)[0] ?? null,
    } as unknown as ThreadingRepository;
  }
}

describe('FindThreadUsecase', () => {
  const env = new MailEnv();
  const sut = new FindThreadUsecase(new KnownThreads().asRepository(), new TicketTag(env.MAIL_TICKET_TAG_PATTERN, env.MAIL_TICKET_TAG_FORMAT));
  const manager = {} as EntityManager;
  const mail = (input: Partial<FindThreadInput>): FindThreadInput => ({
    subject: 'Frage',
    references: [],
    sender: 'erika@example.org',
    classification: 'normal',
    ...input,
  });

  it('finds nothing for a new mail', async () => {
    await expect(sut.execute(manager, mail({}))).resolves.toBeUndefined();
    await expect(sut.execute(manager, mail({ references: ['unknown@example.org'] }))).resolves.toBeUndefined();
  });

  it('attaches by the ticket number in the subject, from anyone', async () => {
    await expect(sut.execute(manager, mail({ subject: 'AW: Antwort [115#2026-000123]', sender: 'fremd@example.com' }))).resolves.toEqual({
      ticketId: TICKET.ticketId,
      ticketNumber: TICKET.number,
      reason: 'subject',
    });
  });

  it('keeps the number of a ticket it does not know yet', async () => {
    await expect(sut.execute(manager, mail({ subject: 'Re: [115#2025-000999]' }))).resolves.toEqual({ ticketNumber: '115-2025-000999', reason: 'subject' });
  });

  it('says so when subject and references agree', async () => {
    const hint = await sut.execute(manager, mail({ subject: 'Re: [115#2026-000123]', inReplyTo: 'ack-123@rostock.de' }));
    expect(hint).toEqual({ ticketId: TICKET.ticketId, ticketNumber: TICKET.number, reason: 'subject-and-references' });
  });

  it('prefers the number in the subject when the references point elsewhere', async () => {
    const hint = await sut.execute(manager, mail({ subject: 'Re: [115#2026-000123]', references: ['ack-456@rostock.de'] }));
    expect(hint).toMatchObject({ ticketId: TICKET.ticketId, reason: 'subject' });
  });

  it('attaches a participant by In-Reply-To or References alone', async () => {
    await expect(sut.execute(manager, mail({ inReplyTo: 'ack-123@rostock.de' }))).resolves.toEqual({ ...refHint(), reason: 'references' });
    await expect(sut.execute(manager, mail({ references: ['erika-1@example.org', 'unknown@x'], sender: 'BAUAMT@rostock.de' }))).resolves.toEqual({
      ...refHint(),
      reason: 'references',
    });
  });

  it('takes the newest reference that belongs to a ticket', async () => {
    const hint = await sut.execute(manager, mail({ references: ['ack-456@rostock.de', 'ack-123@rostock.de'] }));
    expect(hint).toMatchObject({ ticketId: TICKET.ticketId });
  });

  it('opens a new case, referencing the old one, for a stranger replying without the ticket number', async () => {
    await expect(sut.execute(manager, mail({ inReplyTo: 'ack-123@rostock.de', sender: 'fremd@example.com' }))).resolves.toEqual({
      ...refHint(),
      reason: 'stranger-reply',
      newCase: true,
    });
  });

  it('attaches automated mail by references whoever sent it, and bounces by the original Message-ID', async () => {
    await expect(
      sut.execute(manager, mail({ inReplyTo: 'ack-123@rostock.de', sender: 'm.schmidt@amt.example', classification: 'auto-reply' })),
    ).resolves.toEqual({
      ...refHint(),
      reason: 'references',
    });
    await expect(
      sut.execute(manager, mail({ originalMessageId: 'ack-123@rostock.de', sender: 'mailer-daemon@mx', classification: 'bounce' })),
    ).resolves.toEqual({
      ...refHint(),
      reason: 'references',
    });
  });

  function refHint() {
    return { ticketId: TICKET.ticketId, ticketNumber: TICKET.number };
  }
});

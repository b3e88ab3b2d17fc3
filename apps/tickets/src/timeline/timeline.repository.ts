import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Article } from './entities/article.entity';

export type NewArticle = Omit<Partial<Article>, 'id'> & Pick<Article, 'ticketId' | 'kind' | 'author' | 'body' | 'createdAt'>;

/** The timeline of a case: mails in and out, notes, forwards, replies. */
@Injectable()
export class TimelineRepository {
  async add(manager: EntityManager, article: NewArticle): Promise<Article> {
    const row = manager.create(Article, {
      channel: null,
      fromAddress: null,
      toAddresses: null,
      subject: null,
      classification: null,
      mailMessageId: null,
      rfcMessageId: null,
      attachmentIds: null,
      replyRequestId: null,
      ...article,
      id: uuidv7(),
    });
    await manager.insert(Article, row);
    return row;
  }

  forTicket(manager: EntityManager, ticketId: string): Promise<Article[]> {
    return manager.find(Article, { where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async hasMailMessage(manager: EntityManager, mailMessageId: string): Promise<boolean> {
    return (await manager.count(Article, { where: { mailMessageId } })) > 0;
  }

  /** The citizen's first words: the first mail in or call note. */
  firstRequest(manager: EntityManager, ticketId: string): Promise<Article | null> {
    return manager.findOne(Article, {
      where: { ticketId, kind: In(['email_in', 'call_note', 'internal_note']) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Message-IDs of the case's mails, oldest first (for In-Reply-To and References). */
  async mailThread(manager: EntityManager, ticketId: string): Promise<{ rfcMessageId: string; kind: string; fromAddress: string | null }[]> {
    const rows = await manager.find(Article, {
      select: { rfcMessageId: true, kind: true, fromAddress: true },
      where: { ticketId, rfcMessageId: Not(IsNull()) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return rows.map((row) => ({ rfcMessageId: row.rfcMessageId!, kind: row.kind, fromAddress: row.fromAddress }));
  }
}

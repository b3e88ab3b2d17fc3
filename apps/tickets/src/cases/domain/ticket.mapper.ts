import { ArticleView, AuditEntryView, CitizenContactView, TicketSummary, TicketView } from '@d115/contracts';
import { AuditEntry } from '../../audit/entities/audit-entry.entity';
import { Article } from '../../timeline/entities/article.entity';
import { Ticket } from '../entities/ticket.entity';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);

/** Drops undefined and null fields, so replies carry only what is known. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export function toTicketSummary(ticket: Ticket): TicketSummary {
  return compact({
    id: ticket.id,
    number: ticket.number,
    channel: ticket.channel,
    state: ticket.state,
    subject: ticket.subject,
    leikaKey: ticket.leikaKey ?? undefined,
    ars: ticket.ars ?? undefined,
    priority: ticket.priority,
    queue: ticket.queueId,
    ownerAgentId: ticket.ownerAgentId ?? undefined,
    routingStatus: ticket.routingStatus,
    version: ticket.version,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  });
}

export function citizenOf(ticket: Ticket): CitizenContactView | undefined {
  const citizen = compact({
    name: ticket.citizenName ?? undefined,
    email: ticket.citizenEmail ?? undefined,
    phone: ticket.citizenPhone ?? undefined,
    preferredChannel: ticket.citizenPreferredChannel ?? undefined,
  });
  return Object.keys(citizen).length ? citizen : undefined;
}

export function toTicketView(ticket: Ticket): TicketView {
  return compact({
    ...toTicketSummary(ticket),
    citizen: citizenOf(ticket),
    mailbox: ticket.mailbox ?? undefined,
    language: ticket.language ?? undefined,
    forwardedTo:
      ticket.forwardedAuthorityEmail && ticket.forwardedAt
        ? { name: ticket.forwardedAuthorityName ?? '', email: ticket.forwardedAuthorityEmail, at: ticket.forwardedAt.toISOString() }
        : undefined,
    relatedTicketId: ticket.relatedTicketId ?? undefined,
    firstRespondedAt: iso(ticket.firstRespondedAt),
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
    anonymizedAt: iso(ticket.anonymizedAt),
  });
}

export function toArticleView(article: Article): ArticleView {
  return compact({
    id: article.id,
    kind: article.kind,
    author: article.author,
    channel: article.channel ?? undefined,
    from: article.fromAddress ?? undefined,
    to: article.toAddresses ?? undefined,
    subject: article.subject ?? undefined,
    text: article.body,
    classification: article.classification ?? undefined,
    mailMessageId: article.mailMessageId ?? undefined,
    rfcMessageId: article.rfcMessageId ?? undefined,
    attachmentIds: article.attachmentIds?.length ? article.attachmentIds : undefined,
    createdAt: article.createdAt.toISOString(),
  });
}

export function toAuditEntryView(entry: AuditEntry): AuditEntryView {
  return compact({
    actor: entry.actor,
    action: entry.action,
    field: entry.field ?? undefined,
    from: entry.oldValue ?? undefined,
    to: entry.newValue ?? undefined,
    at: entry.at.toISOString(),
  });
}

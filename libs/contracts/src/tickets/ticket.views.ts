import type { MailClassification } from '../mail/message-received.event';
import type { SlaMetric } from './ticket-lifecycle.events';
import type { ReplyChannel, TicketChannel, TicketState } from './ticket.events';

/** Where a case stands in routing. */
export type RoutingStatus = 'queued' | 'reserved' | 'assigned' | 'parked';

export const ARTICLE_KINDS = ['email_in', 'email_out', 'call_note', 'internal_note', 'forward', 'reply'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export interface CitizenContactView {
  name?: string;
  email?: string;
  phone?: string;
  preferredChannel?: ReplyChannel;
}

/** A case in lists: no citizen data. */
export interface TicketSummary {
  id: string;
  number: string;
  channel: TicketChannel;
  state: TicketState;
  subject: string;
  leikaKey?: string;
  ars?: string;
  priority: number;
  queue: string;
  ownerAgentId?: string;
  routingStatus: RoutingStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleView {
  id: string;
  kind: ArticleKind;
  author: string;
  /** Reply channel for `reply`/`email_out`. */
  channel?: ReplyChannel;
  from?: string;
  to?: string[];
  subject?: string;
  text: string;
  classification?: MailClassification;
  mailMessageId?: string;
  rfcMessageId?: string;
  attachmentIds?: string[];
  createdAt: string;
}

export interface AuditEntryView {
  actor: string;
  action: string;
  field?: string;
  from?: string;
  to?: string;
  at: string;
}

export interface SlaClockView {
  metric: SlaMetric;
  status: 'running' | 'paused' | 'stopped';
  targetMinutes: number;
  /** Business minutes used so far (pauses excluded). */
  elapsedMinutes: number;
  dueAt?: string;
  warnedAt?: string;
  breachedAt?: string;
  metAt?: string;
}

/** Reply of `d115.tickets.get` and of every command on a case. */
export interface TicketView extends TicketSummary {
  citizen?: CitizenContactView;
  mailbox?: string;
  language?: string;
  forwardedTo?: { name: string; email: string; at: string };
  relatedTicketId?: string;
  firstRespondedAt?: string;
  resolvedAt?: string;
  closedAt?: string;
  anonymizedAt?: string;
}

export interface TicketDetailView extends TicketView {
  articles: ArticleView[];
  history: AuditEntryView[];
  sla: SlaClockView[];
}

export interface SearchTicketsReply {
  total: number;
  items: TicketSummary[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

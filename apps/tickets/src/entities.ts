import { Agent } from './agents/entities/agent.entity';
import { Reservation } from './assignment/entities/reservation.entity';
import { AuditEntry } from './audit/entities/audit-entry.entity';
import { Ticket } from './cases/entities/ticket.entity';
import { Authority } from './forwarding/entities/authority.entity';
import { Queue } from './queues/entities/queue.entity';
import { RoutingRule } from './routing/entities/routing-rule.entity';
import { SlaClock } from './sla/entities/sla-clock.entity';
import { SlaPolicy } from './sla/entities/sla-policy.entity';
import { Article } from './timeline/entities/article.entity';

/** Every entity of the tickets schema (and nothing else: no other service's tables). */
export const entities = [Ticket, Article, AuditEntry, Queue, RoutingRule, Agent, Reservation, SlaPolicy, SlaClock, Authority];

import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketErrorCode } from '@d115/contracts';
import { ENV } from '@d115/platform';
import type { EscalationStep } from '../../../cases/entities/ticket.entity';
import { TicketsEnv } from '../../../config/tickets.env';
import { QueuesRepository } from '../../../queues/queues.repository';
import { TicketsException } from '../../../shared/tickets.exception';
import { firstMatchingRule, RoutingFacts } from '../../domain/rule-matcher';
import { RoutingRepository } from '../../routing.repository';

export interface RouteCaseInput extends RoutingFacts {
  /** Set by the agent creating the case: wins over the rules. */
  queue?: string;
  priority?: number;
  /** The mailbox's suggestion: used when no rule matches and the queue exists. */
  queueHint?: string;
}

export interface RoutingDecision {
  queueId: string;
  priority: number;
  requiredSkills: Record<string, number>;
  ruleId: string | null;
  escalation: EscalationStep[];
  authorityId: string | null;
}

/** Where a new case goes: ordered rules, first match wins; else the mailbox's hint; else the default queue. */
@Injectable()
export class RouteCaseUsecase {
  constructor(
    private readonly rules: RoutingRepository,
    private readonly queues: QueuesRepository,
    @Inject(ENV) private readonly env: TicketsEnv,
  ) {}

  async execute(manager: EntityManager, input: RouteCaseInput): Promise<RoutingDecision> {
    const rule = firstMatchingRule(await this.rules.enabledRules(manager), input);
    const known = await this.queues.existing(
      manager,
      [input.queue, input.queueHint].filter((q): q is string => !!q),
    );
    if (input.queue && !known.has(input.queue)) {
      throw new TicketsException(TicketErrorCode.QUEUE_NOT_FOUND, `queue ${input.queue} does not exist`);
    }
    const hinted = input.queueHint && known.has(input.queueHint) ? input.queueHint : undefined;
    return {
      queueId: input.queue ?? rule?.queueId ?? hinted ?? this.env.TICKETS_DEFAULT_QUEUE,
      priority: input.priority ?? rule?.priority ?? 0,
      requiredSkills: input.queue ? {} : (rule?.requiredSkills ?? {}),
      ruleId: rule?.id ?? null,
      escalation: input.queue ? [] : (rule?.escalation ?? []),
      authorityId: rule?.authorityId ?? null,
    };
  }
}

import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ARS } from '../common/keys';
import { MAX_PRIORITY, MIN_PRIORITY } from './ticket.requests';
import { TICKET_CHANNELS, TicketChannel } from './ticket.events';
import { IsActor, IsSkillLevels, QUEUE_ID } from './validators';

// ---- queues -------------------------------------------------------------------------

/**
 * `d115.tickets.queue.upsert`. `targetExpression` restricts the agents serving the
 * queue by skills, e.g. `lang.de >= 2 AND (kfz OR melde >= 1) AND NOT trainee`.
 */
export class UpsertQueueRequest {
  @IsActor()
  actor!: string;

  @Matches(QUEUE_ID)
  queueId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  targetExpression?: string;

  /** How long an offer waits for the agent's answer. Default 60. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  reservationTimeoutSeconds?: number;
}

export class ListRequest {
  @IsActor()
  actor!: string;
}

export interface QueueView {
  id: string;
  name: string;
  targetExpression?: string;
  reservationTimeoutSeconds: number;
  updatedAt: string;
}

// ---- routing rules ----------------------------------------------------------------

/** All given conditions must hold; inside one list any entry may match. */
export class RuleConditionsDto {
  @IsOptional()
  @IsArray()
  @IsIn(TICKET_CHANNELS, { each: true })
  channels?: TicketChannel[];

  /** Mailbox addresses, case-insensitive. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  mailboxes?: string[];

  @IsOptional()
  @IsArray()
  @Matches(/^\d{1,14}$/, { each: true })
  leikaPrefixes?: string[];

  /** ARS prefixes: '13' = Mecklenburg-Vorpommern, '130030000000' = Rostock. */
  @IsOptional()
  @IsArray()
  @Matches(/^\d{1,12}$/, { each: true })
  regionPrefixes?: string[];

  /** Words in the subject or text, case-insensitive. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  keywords?: string[];

  @IsOptional()
  @IsArray()
  @Matches(/^[a-z]{2,3}$/, { each: true })
  languages?: string[];
}

/** One step of a rule's escalation: after `afterMinutes` waiting, move and/or widen. */
export class EscalationStepDto {
  @IsInt()
  @Min(1)
  @Max(100000)
  afterMinutes!: number;

  @IsOptional()
  @Matches(QUEUE_ID)
  queue?: string;

  /** Replaces the case's skill requirement, e.g. `{}` = anyone serving the queue. */
  @IsOptional()
  @IsSkillLevels()
  requiredSkills?: Record<string, number>;

  @IsOptional()
  @IsInt()
  @Min(MIN_PRIORITY)
  @Max(MAX_PRIORITY)
  priority?: number;
}

/** `d115.tickets.routing-rule.upsert`: rules are tried by `position`, first match wins. */
export class UpsertRoutingRuleRequest {
  @IsActor()
  actor!: string;

  /** Omit to create. */
  @IsOptional()
  @IsUUID()
  ruleId?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @IsInt()
  @Min(0)
  position!: number;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ValidateNested()
  @Type(() => RuleConditionsDto)
  when!: RuleConditionsDto;

  @Matches(QUEUE_ID)
  queue!: string;

  @IsOptional()
  @IsInt()
  @Min(MIN_PRIORITY)
  @Max(MAX_PRIORITY)
  priority?: number;

  @IsOptional()
  @IsSkillLevels()
  requiredSkills?: Record<string, number>;

  /** Authority to forward to when neither agent nor knowledge service names one. */
  @IsOptional()
  @IsUUID()
  authorityId?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  escalation?: EscalationStepDto[];
}

export class DeleteRoutingRuleRequest {
  @IsActor()
  actor!: string;

  @IsUUID()
  ruleId!: string;
}

/** Reply to `d115.tickets.routing-rule.delete`. */
export interface DeleteRoutingRuleReply {
  deleted: true;
}

export interface RoutingRuleView {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  when: RuleConditionsDto;
  queue: string;
  priority: number;
  requiredSkills: Record<string, number>;
  authorityId?: string;
  escalation: EscalationStepDto[];
}

// ---- authorities ------------------------------------------------------------------

/** `d115.tickets.authority.upsert`: an organisation unit with a functional address. */
export class UpsertAuthorityRequest {
  @IsActor()
  actor!: string;

  @IsOptional()
  @IsUUID()
  authorityId?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @IsEmail({ require_tld: false })
  email!: string;

  @IsOptional()
  @Matches(ARS)
  ars?: string;
}

export interface AuthorityView {
  id: string;
  name: string;
  email: string;
  ars?: string;
}

// ---- SLA policies -----------------------------------------------------------------

/**
 * `d115.tickets.sla-policy.upsert`. The most specific policy applies to a new case:
 * queue and channel, then queue, then channel, then the default (env).
 */
export class UpsertSlaPolicyRequest {
  @IsActor()
  actor!: string;

  @IsOptional()
  @IsUUID()
  policyId?: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @IsOptional()
  @Matches(QUEUE_ID)
  queue?: string;

  @IsOptional()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  /** Business minutes until the first answer to the citizen. */
  @IsInt()
  @Min(1)
  @Max(1000000)
  firstResponseMinutes!: number;

  /** Business minutes until the case is answered. */
  @IsInt()
  @Min(1)
  @Max(1000000)
  resolutionMinutes!: number;

  /** Share of the target at which `sla.warning` is raised (default from env, 0.8). */
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(0.99)
  warningShare?: number;

  /** Pause the clocks while waiting for an authority (default from env). */
  @IsOptional()
  @IsBoolean()
  pauseInPendingAuthority?: boolean;
}

export interface SlaPolicyView {
  id: string;
  name: string;
  queue?: string;
  channel?: TicketChannel;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  warningShare: number;
  pauseInPendingAuthority: boolean;
}

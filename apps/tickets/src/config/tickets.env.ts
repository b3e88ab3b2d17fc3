import { Transform } from 'class-transformer';
import { IsNumber, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { BoolVar, DEV_PHONE_PSEUDONYM_KEY, IntVar, ServiceEnv } from '@d115/platform';

const toNumber = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/** Environment of the tickets service (see docs/tickets.md, "Environment variables"). */
export class TicketsEnv extends ServiceEnv {
  override OPS_PORT = 3103;

  /** Secret of the keyed phone-number pseudonym; the same value as the telephony service's (screen pop matching). */
  @IsString()
  @MinLength(16, { message: 'PHONE_PSEUDONYM_KEY must be a secret of at least 16 characters' })
  PHONE_PSEUDONYM_KEY = DEV_PHONE_PSEUDONYM_KEY;

  // ---- routing and assignment ----------------------------------------------------------

  /** Queue of cases no routing rule matches (created at start when missing). */
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'TICKETS_DEFAULT_QUEUE must be a lower-case queue id' })
  TICKETS_DEFAULT_QUEUE = 'general';

  /** Reservation timeout of queues created without one, in seconds. */
  @IntVar(1, 3600)
  TICKETS_RESERVATION_TIMEOUT_S = 60;

  /**
   * After an agent rejects an offer or lets it expire, the case is not offered to
   * them again for this long (seconds); "take next" ignores it. Bounded, so a case
   * that every eligible agent declined is offered again instead of starving.
   */
  @IntVar(0, 86400)
  TICKETS_DECLINE_COOLDOWN_S = 300;

  // ---- scheduled work --------------------------------------------------------------------

  /** Run the scheduled jobs in this instance (dispatch, reservation timeouts, escalation, SLA, privacy). */
  @BoolVar()
  TICKETS_SCHEDULER_ENABLED = true;

  /** Pause between two passes of the frequent jobs (dispatch, timeouts, escalation, SLA check), ms. */
  @IntVar(10)
  TICKETS_SCHEDULER_TICK_MS = 1000;

  /** Due rows one job handles per pass. */
  @IntVar(1, 10000)
  TICKETS_SCHEDULER_BATCH = 200;

  // ---- SLA -------------------------------------------------------------------------------

  /** Bundesland of the business calendar (as `date-holidays` spells it: MV, BE, BY, …). */
  @Matches(/^[A-Z]{2}$/, { message: 'TICKETS_SLA_STATE must be a Bundesland code such as MV or BE' })
  TICKETS_SLA_STATE = 'MV';

  /** Region inside the state for regional holidays (e.g. A for Augsburg in BY). */
  @IsOptional()
  @IsString()
  TICKETS_SLA_REGION?: string;

  /** Weekly service hours as JSON (calendar `weeklyHours`); default Mon–Fri 08:00–18:00. */
  @IsOptional()
  @IsString()
  TICKETS_SLA_WEEKLY_HOURS?: string;

  /** Extra closing days / special hours as JSON (calendar `overrides`). */
  @IsOptional()
  @IsString()
  TICKETS_SLA_OVERRIDES?: string;

  /** Default policy: business minutes to the first answer (115: 24 service hours). */
  @IntVar(1)
  TICKETS_SLA_FIRST_RESPONSE_MINUTES = 1440;

  /** Default policy: business minutes until the case is answered. */
  @IntVar(1)
  TICKETS_SLA_RESOLUTION_MINUTES = 1440;

  /** Share of the target at which `sla.warning` is raised. */
  @Transform(toNumber)
  @IsNumber()
  @Min(0.01)
  @Max(0.99)
  TICKETS_SLA_WARNING_SHARE = 0.8;

  /** Default for policies: pause the clocks in pending_authority (they always pause in pending_citizen). */
  @BoolVar()
  TICKETS_SLA_PAUSE_PENDING_AUTHORITY = false;

  // ---- forwarding ----------------------------------------------------------------------

  /** Deadline of the question to the knowledge service "who is responsible". */
  @IntVar(50)
  TICKETS_KNOWLEDGE_TIMEOUT_MS = 2000;

  // ---- privacy -------------------------------------------------------------------------

  /** Closed cases are anonymised this many days after closing. */
  @IntVar(0, 3650)
  TICKETS_ANONYMIZE_AFTER_DAYS = 90;

  /** How often the anonymisation runs (one instance at a time), ms. */
  @IntVar(1000)
  TICKETS_ANONYMIZE_INTERVAL_MS = 3600000;
}

import { IsOptional, Matches } from 'class-validator';
import { BoolVar, IntVar, ServiceEnv } from '@d115/platform';

/** Environment of the appointments service (see docs/appointments.md, "Environment variables"); every variable has a default. */
export class AppointmentsEnv extends ServiceEnv {
  override OPS_PORT = 3105;

  /** Minutes a reservation holds its slot unless the request names another hold. */
  @IntVar(1, 120)
  APPOINTMENTS_HOLD_MINUTES = 15;

  /** Minutes a preconfirmed booking waits for the citizen to follow the link in the mail. */
  @IntVar(5, 10080)
  APPOINTMENTS_PRECONFIRM_HOLD_MINUTES = 120;

  /** The page the confirmation link points to; `processId` and `authKey` are appended as query parameters. */
  @Matches(/^https?:\/\/\S+$/, { message: 'APPOINTMENTS_CONFIRM_URL must be an http(s) URL' })
  APPOINTMENTS_CONFIRM_URL = 'http://localhost:3000/termin/bestaetigen';

  /** The page the cancellation link in the confirmation mail points to (the gateway's citizen page), with the same parameters. */
  @Matches(/^https?:\/\/\S+$/, { message: 'APPOINTMENTS_CANCEL_URL must be an http(s) URL' })
  APPOINTMENTS_CANCEL_URL = 'http://localhost:3000/termin/absagen';

  /** Wrong auth keys for one booking before it is blocked for APPOINTMENTS_AUTH_BLOCK_MINUTES. */
  @IntVar(1, 100)
  APPOINTMENTS_AUTH_MAX_FAILURES = 5;

  @IntVar(1, 1440)
  APPOINTMENTS_AUTH_BLOCK_MINUTES = 15;

  /** Run the hold sweep in this instance (safe on several: rows are claimed with SKIP LOCKED). */
  @BoolVar()
  APPOINTMENTS_SCHEDULER_ENABLED = true;

  /** Pause between two passes of the hold sweep, ms. */
  @IntVar(10)
  APPOINTMENTS_SWEEP_MS = 1000;

  @IntVar(1, 10000)
  APPOINTMENTS_SWEEP_BATCH = 200;

  /** Days after a booking ended (passed, cancelled, expired) until the citizen's name, email and phone are removed. */
  @IntVar(0, 3650)
  APPOINTMENTS_RETENTION_DAYS = 30;

  /** Load the Rostock demo offices on start when there is no office yet. */
  @BoolVar()
  APPOINTMENTS_DEMO_OFFICES = true;

  /** Deadline of one call to an external booking system (ZMS), ms. */
  @IntVar(100, 60000)
  APPOINTMENTS_EXTERNAL_TIMEOUT_MS = 3000;

  /** Extra attempts of a failed read (GET) from an external system; writes are never retried. */
  @IntVar(0, 5)
  APPOINTMENTS_EXTERNAL_RETRIES = 2;

  /** Consecutive failures that open an external system's circuit breaker. */
  @IntVar(1, 100)
  APPOINTMENTS_EXTERNAL_BREAKER_THRESHOLD = 5;

  /** How long an open breaker refuses calls before it lets one try, ms. */
  @IntVar(100, 600000)
  APPOINTMENTS_EXTERNAL_BREAKER_COOLDOWN_MS = 30000;

  /** Sender name used in the notification mails' text. */
  @IsOptional()
  APPOINTMENTS_SIGNATURE = 'Ihr Behördennummer 115 Service-Center';
}

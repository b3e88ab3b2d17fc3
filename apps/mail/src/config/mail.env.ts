import { IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { BoolVar, IntVar, PortVar, ServiceEnv } from '@d115/platform';
import { invalidNetworkEntry } from '../common/networks';

/** A comma-separated list of IP addresses and CIDR networks. */
function NetworkListVar(): PropertyDecorator {
  return ValidateBy({
    name: 'networkList',
    validator: {
      validate: (value) => typeof value === 'string' && invalidNetworkEntry(value) === undefined,
      defaultMessage: (args) =>
        `${args?.property} must be IP addresses or CIDR networks separated by commas (e.g. 10.0.0.0/8,2001:db8::/32); ${JSON.stringify(invalidNetworkEntry(String(args?.value)) ?? args?.value)} is neither`,
    },
  });
}

/** Environment of the mail service (see docs/mail.md, "Environment variables"). */
export class MailEnv extends ServiceEnv {
  override OPS_PORT = 3102;

  // ---- mailboxes -------------------------------------------------------------------

  /** Mailbox configuration: a JSON array, or the path of a JSON file. Unset: the demo mailbox 115@rostock.de. */
  @IsOptional()
  @IsString()
  MAIL_MAILBOXES?: string;

  // ---- SMTP intake ------------------------------------------------------------------

  /** Port of the SMTP listener (0 = any free port). */
  @PortVar()
  SMTP_PORT = 2525;

  /** Interface the SMTP listener binds to. */
  @IsOptional()
  @IsString()
  SMTP_HOST = '0.0.0.0';

  /** Host name in the SMTP greeting; defaults to the machine's host name. */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  SMTP_HOSTNAME?: string;

  /** Largest message accepted, in bytes (announced as SIZE; larger mail gets 552). */
  @IntVar(1024)
  MAIL_MAX_SIZE_BYTES = 25 * 1024 * 1024;

  /** Simultaneous connections from one client address; more get 421. */
  @IntVar(1)
  SMTP_MAX_CONNECTIONS_PER_CLIENT = 20;

  /** Messages one client address may send per minute; more get 451 (try again later). Trusted relays are exempt. */
  @IntVar(1)
  SMTP_MAX_MESSAGES_PER_MINUTE = 600;

  /**
   * Trusted relays: client addresses (IPs or CIDR networks, comma-separated) exempt from
   * SMTP_MAX_MESSAGES_PER_MINUTE — the center's own mail server. Authenticated clients are
   * exempt as well. Connection and size limits still apply. Empty: no address is trusted.
   */
  @IsOptional()
  @NetworkListVar()
  SMTP_TRUSTED_NETWORKS?: string;

  /** PEM files for STARTTLS; both set = STARTTLS offered. */
  @IsOptional()
  @IsString()
  SMTP_TLS_KEY_FILE?: string;

  @IsOptional()
  @IsString()
  SMTP_TLS_CERT_FILE?: string;

  /** `user:password` pairs, comma-separated; set = clients must AUTH before MAIL FROM. */
  @IsOptional()
  @Matches(/^[^:,\s]+:[^,\s]+(,[^:,\s]+:[^,\s]+)*$/, { message: 'SMTP_AUTH_USERS must be user:password pairs separated by commas' })
  SMTP_AUTH_USERS?: string;

  /** Longest time an in-flight SMTP session may take to finish on shutdown. */
  @IntVar(100)
  SMTP_CLOSE_TIMEOUT_MS = 5000;

  // ---- memory ----------------------------------------------------------------------

  /** DATA up to this size is kept in memory while it arrives; larger mail is spooled to a file in MAIL_SPOOL_DIR. */
  @IntVar(0)
  MAIL_SPOOL_MEMORY_BYTES = 1024 * 1024;

  /** Directory for spool files of large incoming mail (a private subdirectory per process); defaults to the OS temp directory. */
  @IsOptional()
  @IsString()
  MAIL_SPOOL_DIR?: string;

  /**
   * Bytes of received SMTP mail being parsed and stored at once; more wait (the client waits for
   * its 250). A mail larger than this is processed alone.
   */
  @IntVar(64 * 1024)
  MAIL_INTAKE_MAX_BYTES_IN_PROGRESS = 32 * 1024 * 1024;

  // ---- storing ---------------------------------------------------------------------

  /**
   * Raw bytes (times mailboxes) that mails arriving together may add up to in one shared
   * transaction (group commit); a larger mail is written alone.
   */
  @IntVar(64 * 1024)
  MAIL_COMMIT_GROUP_MAX_BYTES = 4 * 1024 * 1024;

  // ---- parsing ----------------------------------------------------------------------

  /** MIME parts beyond this count put a mail into quarantine (protects against MIME bombs). */
  @IntVar(1)
  MAIL_MAX_MIME_PARTS = 500;

  /** Regular expression finding the ticket number in a subject; named groups `year` and `seq`. */
  @IsOptional()
  @IsString()
  MAIL_TICKET_TAG_PATTERN = '\\[\\s*115[#-](?<year>\\d{4})-(?<seq>\\d{6,})\\s*\\]';

  /** How outbound mail tags the subject; `{year}` and `{seq}` are replaced. */
  @IsOptional()
  @IsString()
  MAIL_TICKET_TAG_FORMAT = '[115#{year}-{seq}]';

  // ---- outbound ---------------------------------------------------------------------

  /** SMTP relay for outbound mail, e.g. smtp://user:pass@relay.example:587. Unset: outbound mail stays queued. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_RELAY_URL must be an smtp:// or smtps:// URL' })
  SMTP_RELAY_URL?: string;

  /** Domain of the Message-IDs of outbound mail; defaults to the domain of the default mailbox. */
  @IsOptional()
  @Matches(/^[a-z0-9.-]+$/i, { message: 'MAIL_MESSAGE_ID_DOMAIN must be a domain name' })
  MAIL_MESSAGE_ID_DOMAIN?: string;

  /** Acknowledgments per sender address and hour. */
  @IntVar(0)
  MAIL_ACK_MAX_PER_HOUR = 3;

  /** Delivery attempts before a temporarily failing outbound mail is given up. */
  @IntVar(1, 100)
  MAIL_OUTBOUND_MAX_ATTEMPTS = 10;

  /** First retry delay; doubles with each attempt up to MAIL_OUTBOUND_BACKOFF_MAX_MS. */
  @IntVar(10)
  MAIL_OUTBOUND_BACKOFF_MS = 30000;

  @IntVar(10)
  MAIL_OUTBOUND_BACKOFF_MAX_MS = 3600000;

  /** How often the outbound queue is looked at. */
  @IntVar(10)
  MAIL_OUTBOUND_POLL_MS = 500;

  // ---- IMAP ----------------------------------------------------------------------------

  /** Switch off IMAP polling in this instance (e.g. all but one replica). */
  @BoolVar()
  MAIL_IMAP_ENABLED = true;
}

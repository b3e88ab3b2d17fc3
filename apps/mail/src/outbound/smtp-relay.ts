import { createTransport, SentMessageInfo, Transporter } from 'nodemailer';
import Mail from 'nodemailer/lib/mailer';

export interface RelayResult {
  accepted: string[];
  rejected: string[];
  response: string;
}

/** A relay error classified: temporary failures are retried, permanent ones reported. */
export class RelayError extends Error {
  constructor(
    message: string,
    readonly temporary: boolean,
    readonly status?: string,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

/** The configured SMTP relay (SMTP_RELAY_URL), through nodemailer with a small connection pool. */
export class SmtpRelay {
  private readonly transport: Transporter<SentMessageInfo>;

  constructor(url: string) {
    this.transport = createTransport(relayOptions(url));
  }

  async send(mail: Mail.Options): Promise<RelayResult> {
    try {
      const info = await this.transport.sendMail(mail);
      return {
        accepted: (info.accepted ?? []).map(String),
        rejected: (info.rejected ?? []).map(String),
        response: info.response ?? '',
      };
    } catch (error) {
      throw classify(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Options from the URL: smtp:// (STARTTLS when offered) or smtps://, user and
 * password, and any nodemailer option as a query parameter (e.g. ?maxConnections=10).
 * Timeouts are short enough that a hanging relay cannot hold a mail past its lease.
 */
export function relayOptions(url: string): Record<string, unknown> {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  const options: Record<string, unknown> = {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    pool: true,
    connectionTimeout: 30000,
    greetingTimeout: 30000,
    socketTimeout: 60000,
  };
  if (parsed.username) options.auth = { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) };
  for (const [key, value] of parsed.searchParams) {
    options[key] = value === 'true' ? true : value === 'false' ? false : value !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return options;
}

/**
 * 5xx answers are permanent; 4xx, network trouble and authentication problems
 * (a configuration error, fixed by ops, must not lose the mail) are temporary.
 */
export function classify(error: unknown): RelayError {
  const e = error as { message?: string; responseCode?: number; code?: string; response?: string };
  const message = e.response ?? e.message ?? String(error);
  const status = /\b([245]\.\d{1,3}\.\d{1,3})\b/.exec(message)?.[1];
  if (e.code === 'EAUTH') return new RelayError(message, true, status);
  if (typeof e.responseCode === 'number') return new RelayError(message, e.responseCode < 500, status ?? String(e.responseCode));
  return new RelayError(message, true, status);
}

import { MailboxConfig } from '../mailboxes/entities/mailbox.config';

export const DEFAULT_ACKNOWLEDGMENT_SUBJECT = 'Eingangsbestätigung: {{subject}}';

export const DEFAULT_ACKNOWLEDGMENT_TEXT = `Guten Tag,

vielen Dank für Ihre Nachricht an {{mailboxName}}. Wir haben Ihr Anliegen erhalten und unter der Vorgangsnummer {{ticketNumber}} erfasst.

Sie erhalten innerhalb von 24 Stunden – gerechnet in unseren Servicezeiten – eine Antwort.

Unsere Servicezeiten: {{serviceHours}}

{{statusLine}}Wenn Sie etwas ergänzen möchten, antworten Sie bitte einfach auf diese E-Mail und lassen die Vorgangsnummer im Betreff stehen.

Mit freundlichen Grüßen
{{mailboxName}}

Diese Nachricht wurde automatisch erstellt.`;

export interface AcknowledgmentValues {
  ticketNumber: string;
  /** Subject of the citizen's mail. */
  subject: string;
  /** The citizen's access key to the case status, when the tickets service issued one. */
  statusKey?: string;
}

/** The sentence with the status access key (empty without a key); `{{statusKey}}` alone is the key. */
function statusLine(statusKey: string | undefined): string {
  return statusKey ? `Den Bearbeitungsstand können Sie jederzeit mit der Vorgangsnummer und dem Zugangsschlüssel ${statusKey} abfragen.\n\n` : '';
}

/** Subject and text of an acknowledgment from the mailbox's templates (German defaults). */
export function renderAcknowledgment(mailbox: MailboxConfig, values: AcknowledgmentValues): { subject: string; text: string } {
  const placeholders: Record<string, string> = {
    ticketNumber: values.ticketNumber,
    subject: values.subject.trim() || '(ohne Betreff)',
    mailboxName: mailbox.displayName,
    serviceHours: mailbox.serviceHours,
    statusKey: values.statusKey ?? '',
    statusLine: statusLine(values.statusKey),
  };
  const fill = (template: string) => template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => placeholders[name] ?? whole);
  return {
    subject: fill(mailbox.acknowledgment.subject ?? DEFAULT_ACKNOWLEDGMENT_SUBJECT)
      .replace(/\s+/g, ' ')
      .slice(0, 900),
    text: fill(mailbox.acknowledgment.text ?? DEFAULT_ACKNOWLEDGMENT_TEXT),
  };
}

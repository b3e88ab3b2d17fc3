/** One recipient block of an RFC 3464 delivery status. */
export interface RecipientStatus {
  recipient?: string;
  action?: string;
  status?: string;
  diagnostic?: string;
}

export interface DeliveryStatus {
  reportingMta?: string;
  recipients: RecipientStatus[];
  /** Original-Message-ID field (message/disposition-notification and some DSNs). */
  originalMessageId?: string;
}

const ENHANCED_STATUS = /(?<![\d.])([245])\.\d{1,3}\.\d{1,3}(?![\d.])/;
/** A mail address; it starts at a separator, so that a long run without "@" is read once, not once per character. */
const ADDRESS = /(?<![^\s<>;:"'(),[\]])[^\s<>;:"'(),[\]]+@[^\s<>;:"'(),[\]]+[^\s<>;:"'(),[\].]/;

/**
 * Reads a message/delivery-status body: one block of per-message fields, then
 * one block per recipient, separated by empty lines; continuation lines folded.
 * A new Final-Recipient inside a block starts a new recipient too (some MTAs
 * write all recipients into one block).
 */
export function parseDeliveryStatus(body: string): DeliveryStatus {
  const result: DeliveryStatus = { recipients: [] };
  for (const block of body.replace(/\r\n/g, '\n').split(/\n[ \t]*\n/)) {
    for (const fields of recipientGroups(parseFields(block))) {
      result.reportingMta ??= valueAfterType(fields.get('reporting-mta'));
      result.originalMessageId ??= fields.get('original-message-id') ?? fields.get('x-original-message-id');
      const recipient = addressIn(valueAfterType(fields.get('final-recipient') ?? fields.get('original-recipient') ?? fields.get('x-actual-recipient')));
      if (!recipient && !fields.has('action')) continue;
      const diagnostic = valueAfterType(fields.get('diagnostic-code'));
      result.recipients.push({
        recipient,
        action: fields
          .get('action')
          ?.toLowerCase()
          .split(/[\s(;]/)[0],
        status: ENHANCED_STATUS.exec(fields.get('status') ?? '')?.[0] ?? ENHANCED_STATUS.exec(diagnostic ?? '')?.[0],
        diagnostic,
      });
    }
  }
  return result;
}

/**
 * Delivery status fields that stand in the text of a mail (a multipart/mixed
 * DSN, which the parser shows as text, or a DSN pasted inline by the MTA):
 * from the first Reporting-MTA or recipient field on. undefined when the text
 * has no Final-/Original-Recipient field together with an Action or Status field.
 */
export function parseInlineDeliveryStatus(text: string): DeliveryStatus | undefined {
  const start = /^[ \t]*(Reporting-MTA|Final-Recipient|Original-Recipient)[ \t]*:/im.exec(text);
  if (!start) return undefined;
  const status = parseDeliveryStatus(text.slice(start.index).replace(/^[ \t]+(?=[A-Za-z-]+\s*:)/gm, ''));
  const usable = status.recipients.filter((r) => r.recipient && (r.action || r.status));
  return usable.length ? { ...status, recipients: usable } : undefined;
}

/** permanent for 5.x.x, temporary for 4.x.x or a delay, unknown otherwise. */
export function bounceKind(status: RecipientStatus): 'permanent' | 'temporary' | 'unknown' {
  if (status.action === 'delayed') return 'temporary';
  if (status.status?.startsWith('5')) return 'permanent';
  if (status.status?.startsWith('4')) return 'temporary';
  return 'unknown';
}

/** The first mail address in a text, lower-cased, without brackets. */
export function addressIn(text: string | undefined): string | undefined {
  return text ? ADDRESS.exec(text)?.[0].toLowerCase() : undefined;
}

function parseFields(block: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const line of block.split('\n')) {
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const match = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (match) fields.push([match[1].toLowerCase(), match[2].trim()]);
  }
  return fields;
}

function recipientGroups(fields: [string, string][]): Map<string, string>[] {
  const groups: Map<string, string>[] = [];
  let current = new Map<string, string>();
  for (const [name, value] of fields) {
    if ((name === 'final-recipient' && current.has('final-recipient')) || (name === 'original-recipient' && current.has('original-recipient'))) {
      groups.push(current);
      current = new Map();
    }
    if (!current.has(name)) current.set(name, value);
  }
  groups.push(current);
  return groups.filter((group) => group.size > 0);
}

/** "rfc822; erika@example.org" → "erika@example.org". */
function valueAfterType(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const semicolon = value.indexOf(';');
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim() || undefined;
}

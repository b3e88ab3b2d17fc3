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

/**
 * Reads a message/delivery-status body: one block of per-message fields, then
 * one block per recipient, separated by empty lines; continuation lines folded.
 */
export function parseDeliveryStatus(body: string): DeliveryStatus {
  const blocks = body
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n/)
    .map(parseFields)
    .filter((fields) => fields.size > 0);
  const result: DeliveryStatus = { recipients: [] };
  for (const fields of blocks) {
    result.reportingMta ??= valueAfterType(fields.get('reporting-mta'));
    result.originalMessageId ??= fields.get('original-message-id');
    const recipient = valueAfterType(fields.get('final-recipient') ?? fields.get('original-recipient'));
    if (!recipient && !fields.has('action')) continue;
    result.recipients.push({
      recipient: recipient?.replace(/^<|>$/g, '').toLowerCase(),
      action: fields.get('action')?.toLowerCase(),
      status: /\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0],
      diagnostic: valueAfterType(fields.get('diagnostic-code')),
    });
  }
  return result;
}

/** permanent for 5.x.x, temporary for 4.x.x or a delay, unknown otherwise. */
export function bounceKind(status: RecipientStatus): 'permanent' | 'temporary' | 'unknown' {
  if (status.status?.startsWith('5')) return 'permanent';
  if (status.status?.startsWith('4') || status.action === 'delayed') return 'temporary';
  return 'unknown';
}

function parseFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const match = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    last = match[1].toLowerCase();
    if (!fields.has(last)) fields.set(last, match[2].trim());
  }
  return fields;
}

/** "rfc822; erika@example.org" → "erika@example.org". */
function valueAfterType(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const semicolon = value.indexOf(';');
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim() || undefined;
}

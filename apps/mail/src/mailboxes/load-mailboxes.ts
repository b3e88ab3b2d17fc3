import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { existsSync, readFileSync } from 'node:fs';
import { flattenValidationErrors } from '@d115/contracts';
import { InvalidConfigurationError } from '@d115/platform';
import { MailboxConfig } from './entities/mailbox.config';

/** Served when nothing is configured, so `npm start` receives mail at once. */
export const DEMO_MAILBOX = {
  address: '115@rostock.de',
  displayName: 'Bürgerservice 115 – Hansestadt Rostock',
  ars: '130030000000',
  queueHint: 'rostock',
};

/**
 * Reads MAIL_MAILBOXES: a JSON array (or one object), or the path of a JSON file
 * holding it. Stops the start with a message naming the variable when it is
 * unreadable or invalid; unknown keys are refused so that typos surface.
 */
export function loadMailboxes(setting: string | undefined): MailboxConfig[] {
  const raw = setting?.trim() ? parseSetting(setting.trim()) : [DEMO_MAILBOX];
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw invalid('must name at least one mailbox');
  const mailboxes = list.map((item, index) => {
    const mailbox = plainToInstance(MailboxConfig, item, { exposeDefaultValues: true });
    const errors = validateSync(mailbox, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      const details = flattenValidationErrors(errors).map((e) => `[${index}].${e.path}: ${e.constraints.join(', ')}`);
      throw invalid(details.join('; '));
    }
    mailbox.address = mailbox.address.toLowerCase();
    mailbox.replyFrom = (mailbox.replyFrom ?? mailbox.address).toLowerCase();
    return mailbox;
  });
  const seen = new Set<string>();
  for (const mailbox of mailboxes) {
    if (seen.has(mailbox.address)) throw invalid(`mailbox ${mailbox.address} is configured twice`);
    seen.add(mailbox.address);
  }
  return mailboxes;
}

function parseSetting(setting: string): unknown {
  const isJson = setting.startsWith('[') || setting.startsWith('{');
  if (!isJson && !existsSync(setting)) throw invalid(`is neither JSON nor the path of an existing file: ${setting}`);
  const text = isJson ? setting : readFileSync(setting, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalid(`is not valid JSON${isJson ? '' : ` (file ${setting})`}: ${(error as Error).message}`);
  }
}

function invalid(problem: string): InvalidConfigurationError {
  return new InvalidConfigurationError([`MAIL_MAILBOXES ${problem}`]);
}

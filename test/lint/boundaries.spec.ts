import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint.config.mjs turns the rule on with this same block.
const { boundariesConfig } = require('../../scripts/lint/boundaries.js');

/** The import boundaries of ARCHITECTURE.md, enforced by ESLint (`d115/boundaries`). */
describe('d115/boundaries', () => {
  const sut = new ESLint({
    cwd: join(__dirname, '..', '..'),
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, boundariesConfig],
  });

  const problems = async (filePath: string, code: string) => {
    const [result] = await sut.lintText(code, { filePath });
    return result.messages.map((message) => ({ rule: message.ruleId, message: message.message }));
  };

  it.each([
    ['apps/mail/src/x.ts', "import { Ticket } from '../../tickets/src/cases/entities/ticket.entity';", 'apps/mail must not import apps/tickets'],
    ['apps/mail/src/threading/x.ts', "export * from '../../../tickets/src/shared/ticket-hooks';", 'apps/mail must not import apps/tickets'],
    ['apps/gateway/src/x.ts', "import { ticketsService } from 'apps/tickets/src/main';", 'apps/gateway must not import apps/tickets'],
    ['libs/messaging/src/x.ts', "import { MailEnv } from '../../../apps/mail/src/config/mail.env';", 'libs/messaging must not import apps/mail'],
    ['libs/platform/src/x.ts', "type T = import('../../../apps/tickets/src/main').TicketsModule;", 'libs/platform must not import apps/tickets'],
    ['libs/contracts/src/x.ts', "import { Transactions } from '@d115/database';", 'libs/contracts must not import libs/database'],
    ['libs/contracts/src/tickets/x.ts', "import { childLogger } from '../../../observability/src';", 'libs/contracts must not import libs/observability'],
  ])('refuses %s: %s', async (filePath, code, message) => {
    await expect(problems(filePath, code)).resolves.toEqual([{ rule: 'd115/boundaries', message: expect.stringContaining(message) }]);
  });

  it.each([
    ['apps/mail/src/threading/x.ts', "import { MailEnv } from '../config/mail.env';"],
    ['apps/tickets/test/x.ts', "import { ticketsService } from '../src/main';"],
    ['apps/mail/src/x.ts', "import { TicketEvents } from '@d115/contracts';"],
    ['libs/platform/src/x.ts', "import { Transactions } from '@d115/database';"],
    ['libs/contracts/src/tickets/x.ts', "import { requestSubject } from '../common/subjects';"],
    ['test/foundation/x.ts', "import { ticketsService } from '../../apps/tickets/src/main';"],
  ])('allows %s: %s', async (filePath, code) => {
    await expect(problems(filePath, code)).resolves.toEqual([]);
  });
});

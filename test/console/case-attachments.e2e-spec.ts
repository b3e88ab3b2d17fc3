import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { agentContext } from './support/browser';
import { expectAccessible, signIn } from './support/console-page';
import { ConsoleStack } from './support/console-stack';

/** A citizen's mail with a photo and a form: the agent sees the photo in the timeline and saves the form under its name. */
describe('console: attachments of a case', () => {
  let stack: ConsoleStack;
  let page: Page;
  // A real PNG (the committed screenshot), so the browser must decode it to show it.
  const photo = readFileSync(join(__dirname, '../../docs/img/console-wallboard.png'));
  const form = Buffer.from('%PDF-1.4\n% Antrag auf Bewohnerparkausweis\n%%EOF\n');

  beforeAll(async () => {
    stack = await ConsoleStack.start();
    page = await (await agentContext(stack.browser)).newPage();
    await signIn(page, stack.url, 'Demo Agent');
  });
  afterAll(() => stack.dispose());

  it('shows an image inline and downloads another file with its name and bytes', async () => {
    await stack.sendCitizenMail('erika@example.org', 'Antrag Bewohnerparken mit Unterlagen', 'Anbei Foto und Antrag.', [
      { filename: 'foto.png', content: photo, contentType: 'image/png' },
      { filename: 'Antrag Bewohnerparken.pdf', content: form, contentType: 'application/pdf' },
    ]);
    const ticket = await waitFor(async () => {
      const found = await stack.requests.request(TicketSubjects.search, { actor: 'console-test', text: 'Bewohnerparken' });
      return found.items[0];
    }, 'the case of the mail');
    await page.goto(`${stack.url}/#/cases/${ticket.id}`);
    const attachments = page.getByLabel('Anhänge');
    await attachments.getByRole('button', { name: 'Anhang 1 öffnen' }).click();
    const image = attachments.getByRole('img', { name: 'foto.png' });
    await image.waitFor();
    type Decodable = { decode(): Promise<void>; naturalWidth: number };
    const width = await image.evaluate(async (element) => {
      const img = element as unknown as Decodable;
      await img.decode();
      return img.naturalWidth;
    });
    expect(width).toBeGreaterThan(0);

    const download = page.waitForEvent('download');
    await attachments.getByRole('button', { name: 'Anhang 2 öffnen' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Antrag Bewohnerparken.pdf');
    expect(readFileSync(await saved.path())).toEqual(form);
    await expectAccessible(page, 'case-attachments');
  });
});

import { Page } from 'playwright-core';
import { TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { agentContext } from './support/browser';
import { expectAccessible, signIn } from './support/console-page';
import { ConsoleStack } from './support/console-stack';

/**
 * The knowledge side panel on a case: the caller's words → ranked services with
 * snippets → the description for the case's municipality (opened by the catalogue's id:
 * the Rostock demo services have no LeiKa key) → a text module in the reply → the hit
 * that helped, recorded in the knowledge service's search log.
 */
describe('console: knowledge search from the side panel', () => {
  let stack: ConsoleStack;
  let page: Page;

  beforeAll(async () => {
    stack = await ConsoleStack.start();
    page = await (await agentContext(stack.browser)).newPage();
    await signIn(page, stack.url, 'Demo Agent');
  });
  afterAll(() => stack.dispose());

  it("finds services by the caller's words, opens one for the municipality, copies it and records the hit that helped", async () => {
    const ticket = await stack.requests.request(TicketSubjects.create, {
      actor: 'intake',
      channel: 'phone',
      subject: 'Ausweis weg',
      text: 'Anrufer hat seinen Ausweis verloren.',
      ars: '130030000000',
    });
    await page.goto(`${stack.url}/#/cases/${ticket.id}`);
    await page.getByRole('heading', { name: /Ausweis weg/ }).waitFor();

    await page.keyboard.press('Alt+K');
    await page.getByLabel('Anliegen in den Worten des Anrufers').fill('Personalausweis verloren');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Wissen' });
    const hits = panel.getByRole('listitem');
    await hits.first().waitFor();
    const names = await panel.locator('.hits > li > button').allTextContents();
    expect(names).toContain('Verlust des Personalausweises melden');
    // The snippets mark the words that matched.
    expect(await panel.locator('.snippet mark').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'knowledge-search');

    await panel.getByRole('button', { name: 'Verlust des Personalausweises melden' }).click();
    await panel.getByRole('heading', { name: 'Verlust des Personalausweises melden' }).waitFor();
    // Rostock's office for the service, from the responsibility covering the case's ARS.
    await panel.getByRole('heading', { name: 'Zuständige Stelle' }).waitFor();
    expect(await panel.locator('article.service').textContent()).toMatch(/Rostock|Ortsamt|Bürgeramt/);

    await panel.getByRole('button', { name: 'In Antwort übernehmen' }).click();
    expect((await page.getByLabel('Text').inputValue()).length).toBeGreaterThan(20);

    await panel.getByRole('button', { name: 'Hat geholfen' }).click();
    await panel.getByRole('status').filter({ hasText: 'Danke, als hilfreich markiert.' }).waitFor();
    const sql = await stack.env.sql();
    const logged = await waitFor(async () => {
      const { rows } = await sql.query(
        `SELECT l.query, l.helpful, s.name FROM knowledge.search_log l JOIN knowledge.service s ON s.id = l.chosen_service_id WHERE l.helpful`,
      );
      return rows[0] as { query: string; helpful: boolean; name: string } | undefined;
    }, 'the feedback in the search log');
    expect(logged).toMatchObject({ helpful: true, name: 'Verlust des Personalausweises melden' });
    expect(logged.query).toContain('verloren');
  });
});

import { BrowserContext, Page } from 'playwright-core';
import { TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { agentContext } from './support/browser';
import { expectAccessible } from './support/console-page';
import { ConsoleStack } from './support/console-stack';

/**
 * The agent's day in a real browser on the real stack: a citizen's email arrives over
 * SMTP, becomes a case, is offered to the signed-in agent, who accepts it, answers by
 * email (the reply reaches the relay with the ticket number), forwards it to the
 * authority and closes it; the knowledge panel describes a service for a case's
 * municipality and pre-fills the forward; Alt+N takes the next waiting case. Every
 * screen passes axe-core's WCAG 2.1 AA rules.
 */
describe('console: from an email to a closed case, knowledge at hand, the next case', () => {
  let stack: ConsoleStack;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await ConsoleStack.start();
    context = await agentContext(stack.browser);
    page = await context.newPage();
  });

  afterAll(() => stack.dispose());

  it('signs in as a demo agent and goes available', async () => {
    await page.goto(stack.url);
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await page.getByRole('button', { name: 'Anmelden als Demo Agent' }).click();
    await page.getByRole('heading', { name: 'Meine Arbeit' }).waitFor();
    await page.getByLabel('Status').selectOption('available');
    await waitFor(async () => (await stack.agent('demo-agent')).presence === 'available' || undefined, 'the presence saved in tickets');
  });

  it('is offered the case an email became, live, and accepts it', async () => {
    await stack.sendCitizenMail(
      'erika.mustermann@example.org',
      'Personalausweis verloren',
      'Guten Tag, ich habe meinen Personalausweis verloren. Was muss ich tun?',
    );
    const offer = page.getByTestId('offer');
    await offer.waitFor({ timeout: 10000 });
    expect(await offer.textContent()).toMatch(/115-\d{4}-\d{6}/);
    await expectAccessible(page, 'my-work');
    await offer.getByRole('button', { name: 'Annehmen' }).click();
    await page.getByRole('heading', { name: /Anliegen 115-\d{4}-\d{6}: Personalausweis verloren/ }).waitFor();
    await page.getByText('ich habe meinen Personalausweis verloren').first().waitFor();
    await expectAccessible(page, 'case');
  });

  it('answers by email: the reply reaches the relay with the ticket number in the subject', async () => {
    const number = /115-(\d{4})-(\d{6})/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')!;
    const text = page.getByLabel('Text');
    expect(await text.inputValue()).toContain('> Guten Tag, ich habe meinen Personalausweis verloren.');
    await text.fill(`Guten Tag Frau Mustermann,\nbitte melden Sie den Verlust beim Bürgeramt.${await text.inputValue()}`);
    await page.getByRole('button', { name: 'Senden' }).click();
    await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
    // The first mail to the citizen is the acknowledgment (Eingangsbestätigung); the agent's reply follows.
    const reply = await waitFor(
      () => stack.sink.to('erika.mustermann@example.org').find((mail) => mail.parsed.text?.includes('bitte melden Sie den Verlust beim Bürgeramt')),
      'the reply at the SMTP sink',
      { timeoutMs: 20000 },
    );
    expect(reply.parsed.subject).toContain(`[115#${number[1]}-${number[2]}]`);
    expect(reply.parsed.text).toContain('> Guten Tag, ich habe meinen Personalausweis verloren.');
  });

  it('forwards the case to an authority and closes it', async () => {
    await page.getByRole('tab', { name: 'An Behörde weiterleiten' }).click();
    await page.getByLabel('Behörde', { exact: true }).fill('Bürgeramt Rostock');
    await page.getByLabel('E-Mail-Adresse der Behörde').fill('buergeramt@rostock.example');
    await page.getByLabel('Text').fill('Bitte übernehmen Sie dieses Anliegen.');
    await page.getByRole('tabpanel').getByRole('button', { name: 'An Behörde weiterleiten' }).click();
    await page.getByTestId('case-state').filter({ hasText: 'Wartet auf Behörde' }).waitFor();
    await waitFor(() => stack.sink.to('buergeramt@rostock.example')[0], 'the forward at the SMTP sink', { timeoutMs: 20000 });

    await page.getByRole('tab', { name: 'Status ändern' }).click();
    await page.getByLabel('Neuer Status').selectOption('closed');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByTestId('case-state').filter({ hasText: 'Geschlossen' }).waitFor();
  });

  it("looks a service up in the knowledge panel for the case's municipality, copies it into the reply and pre-fills the forward", async () => {
    const ticket = await stack.requests.request(TicketSubjects.create, {
      actor: 'intake',
      channel: 'phone',
      subject: 'Ausweis in Carbäk',
      text: 'Anruferin aus Carbäk fragt nach dem Ausweis.',
      leikaKey: '99900001000000',
      ars: '130725258012',
    });
    await page.goto(`${stack.url}/#/cases/${ticket.id}`);
    await page.getByRole('heading', { name: /Ausweis in Carbäk/ }).waitFor();

    await page.keyboard.press('Alt+K');
    await page.getByLabel('Anliegen in den Worten des Anrufers').fill('99900001000000');
    await page.keyboard.press('Enter');
    const description = page.getByRole('complementary', { name: 'Wissen' });
    await description.getByRole('heading', { name: 'Testausweis beantragen' }).waitFor();
    expect(await description.textContent()).toContain('Amt Carbäk');
    expect(await description.textContent()).toContain('37,00 Euro');
    await expectAccessible(page, 'knowledge');
    await description.getByRole('button', { name: 'In Antwort übernehmen' }).click();
    expect(await page.getByLabel('Text').inputValue()).toMatch(/^Kurz erklärt\./);

    await page.getByRole('tab', { name: 'An Behörde weiterleiten' }).click();
    await page.getByText('Vorschlag der Wissensdatenbank: Amt Carbäk').waitFor();
    expect(await page.getByLabel('E-Mail-Adresse der Behörde').inputValue()).toBe('amt@example.org');
  });

  it('takes the next waiting case on Alt+N', async () => {
    // Busy: no offers arrive, so the case waits in its queue until the agent takes it.
    await page.goto(`${stack.url}/#/work`);
    await page.getByLabel('Status').selectOption('busy');
    await waitFor(async () => (await stack.agent('demo-agent')).presence === 'busy' || undefined, 'the presence saved in tickets');
    const waiting = await stack.requests.request(TicketSubjects.create, {
      actor: 'intake',
      channel: 'email',
      subject: 'Hundesteuer anmelden',
      ars: '130030000000',
    });
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { name: /Hundesteuer anmelden/ }).waitFor();
    expect(page.url()).toBe(`${stack.url}/#/cases/${waiting.id}`);
    expect(await stack.requests.request(TicketSubjects.get, { actor: 'test', ticketId: waiting.id })).toMatchObject({ ownerAgentId: 'demo-agent' });
  });
});

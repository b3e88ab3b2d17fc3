import { Page } from 'playwright-core';
import { TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { agentContext, screenshot } from './support/browser';
import { expectAccessible, signIn } from './support/console-page';
import { ConsoleStack } from './support/console-stack';

/**
 * The appointment handoff from a case, against the appointments service with the Rostock
 * demo offices: the service opened in the knowledge panel, an office offering it, a
 * free start; reserve and confirm for the citizen — and the confirmation lands in the case.
 */
describe('console: an appointment booked from a case', () => {
  let stack: ConsoleStack;
  let page: Page;

  beforeAll(async () => {
    stack = await ConsoleStack.start({ appointments: true });
    page = await (await agentContext(stack.browser)).newPage();
    await signIn(page, stack.url, 'Demo Agent');
  });
  afterAll(() => stack.dispose());

  it('reserves and confirms a free slot for the citizen, and the case shows the confirmation', async () => {
    const ticket = await stack.requests.request(TicketSubjects.create, {
      actor: 'intake',
      channel: 'phone',
      subject: 'Neuer Personalausweis',
      text: 'Bürgerin braucht einen Termin für den Personalausweis.',
      ars: '130030000000',
      citizen: { name: 'Erika Musterfrau', email: 'erika@example.org' },
    });
    await page.goto(`${stack.url}/#/cases/${ticket.id}`);
    await page.getByRole('heading', { name: /Neuer Personalausweis/ }).waitFor();
    const before = await page.getByTestId('article').count();

    // The service comes from the knowledge panel: its catalogue id is the offices' service id.
    await page.getByLabel('Anliegen in den Worten des Anrufers').fill('Personalausweis beantragen');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Wissen' });
    await panel.getByRole('button', { name: 'Personalausweis beantragen', exact: true }).click();
    await panel.getByRole('heading', { name: 'Personalausweis beantragen' }).waitFor();

    // The description offers the handoff for a bookable service; the case opens it below the timeline.
    await panel.getByRole('button', { name: 'Termin für die anrufende Person vereinbaren' }).click();
    expect(await page.getByLabel('Leistung (Kennung)').inputValue()).toBe('personalausweis-beantragen');
    const office = page.getByLabel('Standort');
    await office.locator('option', { hasText: 'Ortsamt Mitte' }).waitFor({ state: 'attached' });
    await office.selectOption({ label: 'Ortsamt Mitte (Bürgeramt)' });
    const slots = page.getByRole('group', { name: 'Freie Termine' }).getByRole('radio');
    await slots.first().waitFor();
    expect(await slots.count()).toBeGreaterThan(1);
    await slots.first().check();
    expect(await page.getByLabel('E-Mail-Adresse', { exact: true }).last().inputValue()).toBe('erika@example.org');
    await expectAccessible(page, 'appointment');

    await page.getByRole('button', { name: 'Reservieren und bestätigen' }).click();
    // The confirmation, or the coded error of the step that failed (its text then fails the assertion).
    const outcome = page.locator('[data-testid="appointment-confirmed"], .appointment [role="alert"]').first();
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('Termin bestätigt: Ortsamt Mitte');

    // The appointments service notes the confirmation on the case; the screen fetches it without a reload.
    const note = page.getByTestId('article').filter({ hasText: 'Ortsamt Mitte' });
    await note.waitFor({ timeout: 20000 });
    expect(await page.getByTestId('article').count()).toBe(before + 1);
    const stored = await waitFor(async () => {
      const detail = await stack.requests.request(TicketSubjects.get, { actor: 'test', ticketId: ticket.id });
      return detail.articles.find((article) => article.author === 'system:appointments');
    }, 'the appointment note in tickets');
    expect(stored.kind).toBe('internal_note');
    await screenshot(page, 'case-with-appointment');
  });
});

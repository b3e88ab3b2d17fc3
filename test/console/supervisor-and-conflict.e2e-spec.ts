import { Page } from 'playwright-core';
import { TicketSubjects, TicketView } from '@d115/contracts';
import { agentContext } from './support/browser';
import { expectAccessible, signIn } from './support/console-page';
import { ConsoleStack } from './support/console-stack';

/**
 * Two people on one case see each other's edits as a conflict instead of overwriting
 * them; the supervisor's screens (queues, search, wallboard on a 1920×1080 screen)
 * are accessible and the wallboard follows new work without a reload.
 */
describe('console: two editors, queues, search and the wallboard', () => {
  let stack: ConsoleStack;
  let agent: Page;
  let supervisor: Page;
  let ticket: TicketView;

  beforeAll(async () => {
    stack = await ConsoleStack.start();
    ticket = await stack.requests.request(TicketSubjects.create, {
      actor: 'intake',
      channel: 'phone',
      subject: 'Wohnsitz ummelden',
      text: 'Anrufer zieht innerhalb Rostocks um und fragt nach der Ummeldung.',
      ars: '130030000000',
    });
    agent = await (await agentContext(stack.browser)).newPage();
    supervisor = await (await agentContext(stack.browser, { width: 1920, height: 1080 })).newPage();
    await signIn(agent, stack.url, 'Demo Agent');
    await signIn(supervisor, stack.url, 'Demo Supervisor');
  });

  afterAll(() => stack.dispose());

  it('refuses a stale edit, shows what changed, keeps the text, and saves it on the new version', async () => {
    for (const page of [agent, supervisor]) {
      await page.goto(`${stack.url}/#/cases/${ticket.id}`);
      await page.getByRole('heading', { name: /Wohnsitz ummelden/ }).waitFor();
    }
    await supervisor.getByRole('tab', { name: 'Notiz hinzufügen' }).click();
    await supervisor.getByLabel('Text').fill('Rückruf vereinbart: morgen 10 Uhr.');
    await supervisor.getByRole('button', { name: 'Speichern' }).click();
    await supervisor.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();

    await agent.getByRole('tab', { name: 'Notiz hinzufügen' }).click();
    await agent.getByLabel('Text').fill('Mein Entwurf: Formular per Post.');
    await agent.getByRole('button', { name: 'Speichern' }).click();
    const conflict = agent.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('1 neue Einträge im Verlauf');
    expect(await agent.getByLabel('Text').inputValue()).toBe('Mein Entwurf: Formular per Post.');
    const notes = async () =>
      (await stack.requests.request(TicketSubjects.get, { actor: 'test', ticketId: ticket.id })).articles
        .filter((a) => a.kind === 'internal_note')
        .map((a) => a.text);
    expect(await notes()).toEqual(['Rückruf vereinbart: morgen 10 Uhr.']);
    await expectAccessible(agent, 'case-conflict');

    await agent.getByRole('button', { name: 'Neuen Stand übernehmen' }).click();
    await agent.getByText('Rückruf vereinbart: morgen 10 Uhr.').first().waitFor();
    await agent.getByRole('button', { name: 'Speichern' }).click();
    await agent.getByRole('status').filter({ hasText: 'Gespeichert.' }).waitFor();
    expect(await notes()).toEqual(['Rückruf vereinbart: morgen 10 Uhr.', 'Mein Entwurf: Formular per Post.']);
  });

  it('shows the audit history to the supervisor only', async () => {
    await supervisor.reload();
    await supervisor.getByRole('heading', { name: 'Änderungsprotokoll' }).waitFor();
    expect(await agent.getByRole('heading', { name: 'Änderungsprotokoll' }).count()).toBe(0);
  });

  it('lists the queue with its count and finds the case by number', async () => {
    await agent.goto(`${stack.url}/#/queues`);
    await agent.getByTestId('queue-count').filter({ hasText: 'general' }).filter({ hasText: '1 offen' }).waitFor();
    await agent.getByRole('link', { name: ticket.number }).waitFor();
    await expectAccessible(agent, 'queues');
    // The skip link is the first stop of the keyboard on a fresh page and lands in the screen, not on another route.
    await agent.reload();
    await agent.getByRole('heading', { name: 'Warteschlangen' }).waitFor();
    await agent.keyboard.press('Tab');
    await agent.keyboard.press('Enter');
    expect(await agent.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('main');
    expect(agent.url()).toBe(`${stack.url}/#/queues`);

    await agent.keyboard.press('Alt+3');
    await agent.getByLabel('Nummer, Betreff oder Bürger/in').fill(ticket.number);
    await agent.keyboard.press('Enter');
    await agent.getByRole('link', { name: ticket.number }).waitFor();
    await expectAccessible(agent, 'search');
  });

  it('speaks English when asked and lists its shortcuts on Alt+H', async () => {
    await agent.goto(`${stack.url}/#/work`);
    await agent.getByLabel('Sprache').selectOption('en');
    await agent.getByRole('heading', { name: 'My work' }).waitFor();
    expect(await agent.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('en');
    await agent.keyboard.press('Alt+H');
    const dialog = agent.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Take next case');
    await expectAccessible(agent, 'shortcuts-en');
    await agent.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await agent.getByLabel('Language').selectOption('de');
    await agent.getByRole('heading', { name: 'Meine Arbeit' }).waitFor();
  });

  it('shows the wallboard and follows a new email without a reload', async () => {
    await supervisor.goto(`${stack.url}/#/wallboard`);
    const backlog = supervisor.getByTestId('email-backlog');
    await backlog.filter({ hasText: /\d/ }).waitFor();
    const before = Number((await backlog.locator('.tile-value').textContent())!.trim());
    await expectAccessible(supervisor, 'wallboard');
    await supervisor.evaluate(() => ((globalThis as unknown as { sameDocument: boolean }).sameDocument = true));

    await stack.sendCitizenMail('max@example.org', 'Führerschein', 'Wo beantrage ich einen Führerschein?');
    // The case takes its way through SMTP, mail and tickets first; the wallboard then follows within the gateway's push interval (1 s here).
    await backlog.filter({ hasText: String(before + 1) }).waitFor({ timeout: 5000 });
    expect(await supervisor.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });
});

import { Page } from 'playwright-core';
import { TelephonySubjects, TicketSubjects } from '@d115/contracts';
import { waitFor } from '@d115/testing';
import { agentContext } from './support/browser';
import { expectAccessible, signIn } from './support/console-page';
import { ConsoleStack, DEMO_AGENT_EXTENSION } from './support/console-stack';

/**
 * A simulated call through the gateway's CTI webhook (newCall → answer at the demo
 * agent's extension → hangup): the screen pop of the caller's open cases arrives over
 * the event stream, and the wrap-up — with the LeiKa key taken from the knowledge panel —
 * is stored with the call in telephony.
 */
describe('console: screen pop and wrap-up after a call', () => {
  let stack: ConsoleStack;
  let page: Page;

  beforeAll(async () => {
    stack = await ConsoleStack.start({ telephony: true });
    page = await (await agentContext(stack.browser)).newPage();
    await signIn(page, stack.url, 'Demo Agent');
  });
  afterAll(() => stack.dispose());

  const recentCall = (externalCallId: string) =>
    waitFor(async () => {
      const { calls } = await stack.requests.request(TelephonySubjects.callsList, { state: 'recent' });
      return calls.find((call) => call.externalCallId === externalCallId && call.endedAt);
    }, `the ended call ${externalCallId}`);

  it("pops the caller's open case on answer and stores the wrap-up with the LeiKa key from the knowledge panel", async () => {
    const open = await stack.requests.request(TicketSubjects.create, {
      actor: 'intake',
      channel: 'email',
      subject: 'Testausweis verlängern',
      citizen: { phone: '+49 381 7654321' },
    });
    await stack.cti({ event: 'newCall', callId: 'wrap-1', from: '0381 7654321', to: '115', direction: 'in', queue: 'general' });
    await stack.cti({ event: 'answer', callId: 'wrap-1', answeringNumber: DEMO_AGENT_EXTENSION });

    const pop = page.getByTestId('screen-pop');
    await pop.getByRole('link', { name: `${open.number}: Testausweis verlängern` }).waitFor();
    await expectAccessible(page, 'screen-pop');

    // During the call: the service in the knowledge panel (a LeiKa-keyed one of the test catalogue).
    await page.getByLabel('Anliegen in den Worten des Anrufers').fill('Testausweis');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Wissen' });
    await panel.getByRole('button', { name: 'Testausweis beantragen' }).click();
    await panel.getByRole('heading', { name: 'Testausweis beantragen' }).waitFor();

    await pop.getByRole('link', { name: 'Nachbearbeitung' }).click();
    await page.getByRole('heading', { name: 'Nachbearbeitung des Anrufs' }).waitFor();
    await stack.cti({ event: 'hangup', callId: 'wrap-1', cause: 'normalClearing' });
    const ended = await recentCall('wrap-1');
    expect(page.url()).toBe(`${stack.url}/#/calls/${ended.callId}`);

    await page.getByLabel('Beim Erstkontakt beantwortet').check();
    await page.getByLabel('Gesprächsnotiz').fill('Verlängerung erklärt, Unterlagen genannt.');
    await page.getByRole('button', { name: 'Aus dem Wissenspanel: Testausweis beantragen' }).click();
    expect(await page.getByLabel('LeiKa-Schlüssel (14 Ziffern)').inputValue()).toBe('99900001000000');
    await expectAccessible(page, 'wrap-up');
    await page.getByRole('button', { name: 'Nachbearbeitung speichern' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Gespeichert um/ })
      .waitFor();

    const wrapped = await waitFor(async () => {
      const call = await recentCall('wrap-1');
      return call.wrapUpOutcome ? call : undefined;
    }, 'the wrap-up with the call');
    expect(wrapped).toMatchObject({ wrapUpOutcome: 'resolved', agentId: 'demo-agent' });
  });
});

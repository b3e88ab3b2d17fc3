import { Page } from 'playwright-core';
import { agentContext } from './support/browser';
import { expectAccessible, signIn } from './support/console-page';
import { ConsoleStack, DEMO_AGENT_EXTENSION } from './support/console-stack';

/** The text of a wallboard tile's value, read in the page. */
const tileValue = (page: Page, testId: string) => page.getByTestId(testId).locator('.tile-value').textContent();

/** The wallboard's intervals: a quarter of an hour. */
const INTERVAL_MS = 15 * 60_000;

/**
 * The start of the interval the test's calls are placed in: the current one when it began at
 * least a minute ago, else the one before. The calls carry their times and the page's clock is
 * fixed inside that interval, so both calls count in the interval the wallboard shows as current
 * whenever the test runs (a call counts in the interval it was offered in).
 */
function intervalOfTheCalls(now: number): number {
  const start = now - (now % INTERVAL_MS);
  return now - start < 60_000 ? start - INTERVAL_MS : start;
}

/**
 * The wallboard's call tiles on a 1920×1080 screen follow the calls of the telephone
 * system (the gateway's CTI webhook → telephony → `call.changed` on the event stream):
 * a new call shows as waiting within a second, without a reload; the answered and the
 * abandoned call land in the figures of the day, the current interval and the chart.
 */
describe('console: the wallboard follows calls', () => {
  let stack: ConsoleStack;
  let page: Page;
  const base = intervalOfTheCalls(Date.now());
  const at = (seconds: number) => new Date(base + seconds * 1000).toISOString();

  beforeAll(async () => {
    stack = await ConsoleStack.start({ telephony: true });
    page = await (await agentContext(stack.browser, { width: 1920, height: 1080 })).newPage();
    await signIn(page, stack.url, 'Demo Supervisor');
    await page.clock.setFixedTime(new Date(base + 50_000));
    await page.goto(`${stack.url}/#/wallboard`);
    await page.getByTestId('calls-waiting').filter({ hasText: /\d/ }).waitFor();
    await page.evaluate(() => ((globalThis as unknown as { sameDocument: boolean }).sameDocument = true));
  });
  afterAll(() => stack.dispose());

  it('shows a new call as waiting within a second', async () => {
    expect(await tileValue(page, 'calls-waiting')).toBe('0');
    const started = Date.now();
    await stack.cti({ event: 'newCall', callId: 'board-1', from: '0381 1111111', to: '115', direction: 'in', queue: 'general', at: at(1) });
    // Polled in the page on every frame: the time is the pipeline's, not the poll's.
    await page.waitForFunction(
      () => {
        const document = (globalThis as unknown as { document: { querySelector: (s: string) => { textContent: string } | null } }).document;
        return document.querySelector('[data-testid="calls-waiting"] .tile-value')?.textContent === '1';
      },
      undefined,
      { polling: 'raf', timeout: 5000 },
    );
    const elapsed = Date.now() - started;
    console.log(`wallboard: new call shown as waiting after ${elapsed} ms`);
    expect(elapsed).toBeLessThan(1000);
    expect(await page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });

  it('counts the answered and the abandoned call in the service level, abandons and the chart', async () => {
    await stack.cti({ event: 'answer', callId: 'board-1', answeringNumber: DEMO_AGENT_EXTENSION, at: at(5) });
    await page
      .getByTestId('calls-waiting')
      .filter({ hasText: /^[^1]*0$/ })
      .waitFor();
    await stack.cti({ event: 'hangup', callId: 'board-1', cause: 'normalClearing', at: at(8) });
    // A caller who gave up after 40 s of waiting (longer than the short-abandon threshold): an abandon.
    await stack.cti({ event: 'newCall', callId: 'board-2', from: '0381 2222222', to: '115', direction: 'in', queue: 'general', at: at(2) });
    await page.getByTestId('calls-waiting').filter({ hasText: /1$/ }).waitFor();
    // waiting since 2 s into the interval, the page's clock at 50 s
    expect(Number((await tileValue(page, 'longest-wait'))?.replace(/\D/g, ''))).toBe(48);
    await stack.cti({ event: 'hangup', callId: 'board-2', cause: 'cancel', at: at(42) });

    await page.getByTestId('abandoned').filter({ hasText: /1$/ }).waitFor();
    // One of two calls answered within 30 s: 50 % today and in the current interval.
    await page.getByTestId('service-level-today').filter({ hasText: '50' }).waitFor();
    await page.getByTestId('interval-service-level').filter({ hasText: '50' }).waitFor();
    expect(await page.locator('figure.chart rect.offered').count()).toBeGreaterThan(0);
    expect(await tileValue(page, 'calls-waiting')).toBe('0');
    await expectAccessible(page, 'wallboard-calls');
  });
});

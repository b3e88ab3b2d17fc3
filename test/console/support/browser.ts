import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's chromium (scripts/ci/browser.sh installs it); CHROMIUM_PATH names another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENS = join(__dirname, '..', '..', '..', 'test-results', 'screens');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Headless Chromium; `--no-sandbox` because tests run as root, as in a container. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A fresh browser profile (own session storage) at the console's 1280×720 minimum, German, Berlin time. */
export function agentContext(browser: Browser, viewport = { width: 1280, height: 720 }): Promise<BrowserContext> {
  return browser.newContext({ viewport, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's WCAG 2.1 A/AA rules on the page as it is; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated over the DevTools protocol: the page's Content-Security-Policy (script-src 'self') stays in force.
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    // Runs in the page: the browser's globals, not Node's.
    const page = globalThis as unknown as { document: unknown; axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target as string[] })) }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** A screenshot of the main screens to test-results/screens/ (git-ignored; docs/img holds two chosen ones). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: false });
}

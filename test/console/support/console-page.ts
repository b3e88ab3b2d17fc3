import { Page } from 'playwright-core';
import { screenshot, seriousViolations } from './browser';

/** Signs in on the sign-in screen as one of the embedded demo users and waits for "my work". */
export async function signIn(page: Page, url: string, name: 'Demo Agent' | 'Demo Supervisor'): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: `Anmelden als ${name}` }).click();
  await page.getByRole('heading', { name: 'Meine Arbeit' }).waitFor();
}

/** axe-core finds no serious or critical violation on the screen as it is; then its screenshot. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

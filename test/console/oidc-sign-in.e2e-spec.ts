import { agentContext, screenshot } from './support/browser';
import { ConsoleStack } from './support/console-stack';
import { OidcLoginProvider } from './support/oidc-login-provider';

/** With an identity provider configured, the console signs in there: authorization code flow with PKCE, no demo users. */
describe('console: sign-in at the identity provider', () => {
  // The provider must know the console's redirect URI before the gateway starts: a fixed port of this team's range.
  const port = 43510;
  let provider: OidcLoginProvider;
  let stack: ConsoleStack;

  beforeAll(async () => {
    // The provider's own role names, mapped to ours by the gateway: the console sees what the gateway reads.
    provider = await OidcLoginProvider.start(`http://127.0.0.1:${port}/`, {
      'demo-agent': { name: 'Anna Müller', roles: ['115-sachbearbeitung', '115-teamleitung', 'offline_access'], ars: ['13'] },
    });
    stack = await ConsoleStack.start({
      gateway: { GATEWAY_PORT: String(port), AUTH_ROLE_MAP: '115-sachbearbeitung=agent,115-teamleitung=supervisor', ...provider.gatewayEnv() },
    });
  });

  afterAll(async () => {
    await stack?.dispose();
    await provider?.stop();
  });

  it('goes to the provider, comes back with a code, trades it with the PKCE verifier and works as that user', async () => {
    const page = await (await agentContext(stack.browser)).newPage();
    const authorizations: URL[] = [];
    page.on('request', (request) => request.url().startsWith(`${provider.issuer}/auth`) && authorizations.push(new URL(request.url())));
    await page.goto(stack.url);
    expect(await page.getByRole('button', { name: /Anmelden als/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mit dem Unternehmenskonto anmelden' }).click();

    await page.locator('input[name="login"]').waitFor();
    expect(authorizations[0].searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizations[0].searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.locator('input[name="login"]').fill('demo-agent');
    await page.locator('input[name="password"]').fill('any');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // the consent
    await page.getByRole('heading', { name: 'Meine Arbeit' }).waitFor();
    expect(await page.locator('.user').textContent()).toBe('Anna Müller');
    // a supervisor by the mapped role name: the wallboard is hers
    await page.getByRole('link', { name: 'Wallboard' }).waitFor();
    expect(page.url()).not.toContain('code=');
    await page.getByLabel('Status').selectOption('available');
    await page.waitForResponse((response) => response.url().endsWith('/api/v1/me') && response.status() === 200);
    await screenshot(page, 'oidc-signed-in');
  });
});

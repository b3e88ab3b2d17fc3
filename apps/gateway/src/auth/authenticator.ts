import { D115Error, ErrorCode } from '@d115/contracts';
import { childLogger } from '@d115/observability';
import { GatewayEnv } from '../config/gateway.env';
import { DemoSigningKey, demoKeyFile } from './demo-signing-key';
import { DEMO_USERS, DemoUser } from './demo-users';
import { IntegrationTokens } from './integration-tokens';
import { Principal } from './principal';
import { TokenVerifier } from './token-verifier';

/** What the console needs to sign users in (GET /api/v1/auth/config). */
export type AuthConfigView =
  | { mode: 'oidc'; issuer: string; clientId?: string; audience: string; scopes: string[] }
  | { mode: 'demo'; users: { id: string; name: string; roles: string[] }[] };

/**
 * Turns a bearer token into a principal: a user token from the identity provider
 * (AUTH_JWKS_URL) or, in the embedded default, from the local demo key; or an
 * integration token, known by its hash.
 */
export class Authenticator {
  private constructor(
    private readonly env: GatewayEnv,
    private readonly users: TokenVerifier,
    private readonly integrations: IntegrationTokens,
    private readonly demoKey?: DemoSigningKey,
  ) {}

  static async create(env: GatewayEnv): Promise<Authenticator> {
    const integrations = new IntegrationTokens(env.AUTH_INTEGRATION_TOKENS);
    if (env.AUTH_JWKS_URL) return new Authenticator(env, TokenVerifier.forIdentityProvider(env), integrations);
    const file = demoKeyFile({ keyFile: env.AUTH_DEMO_KEY_FILE, dataDir: env.D115_DATA_DIR });
    const key = await DemoSigningKey.load(file);
    childLogger('auth').warn({ keyFile: file }, 'no AUTH_JWKS_URL: demo users with a local signing key (get a token: npm run token -- --role agent)');
    return new Authenticator(env, TokenVerifier.forDemoKey(key, env), integrations, key);
  }

  get demoMode(): boolean {
    return this.demoKey !== undefined;
  }

  authenticateUser(token: string): Promise<Principal> {
    return this.users.verify(token);
  }

  /** @throws AUTH.UNAUTHENTICATED for an unknown or revoked token. */
  authenticateIntegration(token: string): Principal {
    const integration = IntegrationTokens.looksLikeOne(token) ? this.integrations.verify(token) : undefined;
    if (!integration) throw new D115Error(ErrorCode.UNAUTHENTICATED, 'integration token unknown or revoked');
    return { id: `integration:${integration}`, roles: ['integration'], scope: [], integration };
  }

  config(): AuthConfigView {
    if (this.demoMode) return { mode: 'demo', users: DEMO_USERS.map(({ id, name, roles }) => ({ id, name, roles })) };
    return {
      mode: 'oidc',
      issuer: this.env.AUTH_ISSUER!,
      clientId: this.env.AUTH_CLIENT_ID,
      audience: this.env.AUTH_AUDIENCE,
      scopes: this.env.AUTH_SCOPES.split(/\s+/),
    };
  }

  /** A token for a demo user (embedded default only). @throws RESOURCE.NOT_FOUND outside demo mode or for an unknown user */
  async demoLogin(userId: string): Promise<{ accessToken: string; expiresIn: number; tokenType: 'Bearer' }> {
    const user: DemoUser | undefined = DEMO_USERS.find((candidate) => candidate.id === userId);
    if (!this.demoKey) throw new D115Error(ErrorCode.NOT_FOUND, 'demo login is only available without an identity provider');
    if (!user) throw new D115Error(ErrorCode.NOT_FOUND, `no demo user ${userId}`);
    const expiresIn = this.env.AUTH_DEMO_TOKEN_SECONDS;
    return { accessToken: await this.demoKey.sign(user, this.env.AUTH_AUDIENCE, expiresIn), expiresIn, tokenType: 'Bearer' };
  }
}

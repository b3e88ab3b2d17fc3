import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A real OpenID provider (the `oidc-provider` package) on loopback with its development
 * login form, for the console as a public client: authorization code flow with PKCE,
 * access tokens as JWTs for the API's audience carrying the user's roles and municipalities.
 */
export class OidcLoginProvider {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static readonly clientId = 'd115-console';
  static readonly audience = 'd115';

  static async start(redirectUri: string, users: Record<string, { name: string; roles: string[]; ars: string[] }>): Promise<OidcLoginProvider> {
    const { default: Provider } = await import('oidc-provider');
    const { exportJWK, generateKeyPair } = await import('jose');
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const resource = 'urn:d115:api';
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: OidcLoginProvider.clientId,
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code'],
          response_types: ['code'],
          redirect_uris: [redirectUri],
        },
      ],
      jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'login-key', alg: 'RS256', use: 'sig' }] },
      ttl: { Session: 3600, Grant: 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
      // The console's origin (its redirect URI's) may call the token endpoint from the browser.
      clientBasedCORS: (_ctx: unknown, origin: string) => origin === new URL(redirectUri).origin,
      findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, name: users[id]?.name ?? id }) }),
      features: {
        devInteractions: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => resource,
          useGrantedResource: () => true,
          getResourceServerInfo: () => ({ scope: 'api', audience: OidcLoginProvider.audience, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
        },
      },
      extraTokenClaims: (_ctx: unknown, token: { accountId?: string }) => {
        const user = users[token.accountId ?? ''];
        return user ? { roles: user.roles, ars: user.ars, name: user.name } : {};
      },
    });
    server.on('request', provider.callback());
    return new OidcLoginProvider(server, issuer);
  }

  /** The gateway's settings for this provider. */
  gatewayEnv(): Record<string, string> {
    return {
      AUTH_ISSUER: this.issuer,
      AUTH_JWKS_URL: `${this.issuer}/jwks`,
      AUTH_CLIENT_ID: OidcLoginProvider.clientId,
      AUTH_AUDIENCE: OidcLoginProvider.audience,
      AUTH_SCOPES: 'openid profile',
    };
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

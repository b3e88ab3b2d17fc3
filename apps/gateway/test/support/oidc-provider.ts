import { exportJWK, generateKeyPair, JWK, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** Which roles and municipalities the provider puts into the tokens of each test client. */
export interface TestClient {
  id: string;
  roles: string[];
  ars?: string[];
}

/**
 * A real OpenID provider (the `oidc-provider` package) on loopback: clients get JWT
 * access tokens by the client-credentials grant with a resource indicator (the API's
 * audience), signed with the provider's key and published in its JWKS.
 */
export class TestOidcProvider {
  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly signingKey: JWK,
  ) {}

  static readonly audience = 'd115-api';
  static readonly resource = 'urn:d115:api';

  static async start(clients: TestClient[]): Promise<TestOidcProvider> {
    const { default: Provider } = await import('oidc-provider');
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const byId = new Map(clients.map((client) => [client.id, client]));
    const provider = new Provider(issuer, {
      clients: clients.map((client) => ({
        client_id: client.id,
        client_secret: `${client.id}-secret`,
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
      })),
      jwks: { keys: [signingKey] },
      ttl: { ClientCredentials: 600 },
      features: {
        clientCredentials: { enabled: true },
        devInteractions: { enabled: false },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => TestOidcProvider.resource,
          useGrantedResource: () => true,
          getResourceServerInfo: (_ctx: unknown, resource: string) => ({
            scope: 'api',
            audience: resource === TestOidcProvider.resource ? TestOidcProvider.audience : 'another-api',
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          }),
        },
      },
      extraTokenClaims: (_ctx: unknown, token: { clientId?: string }) => {
        const client = byId.get(token.clientId ?? '');
        return client ? { roles: client.roles, ...(client.ars ? { ars: client.ars } : {}), name: `Test ${client.id}` } : {};
      },
    });
    server.on('request', provider.callback());
    return new TestOidcProvider(server, issuer, signingKey);
  }

  get jwksUrl(): string {
    return `${this.issuer}/jwks`;
  }

  /** An access token for the client, by the client-credentials grant. */
  async token(clientId: string, resource = TestOidcProvider.resource): Promise<string> {
    const response = await fetch(`${this.issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${clientId}:${clientId}-secret`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'api', resource }),
    });
    const body = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
    if (!body.access_token) throw new Error(`token endpoint: ${response.status} ${body.error} ${body.error_description}`);
    return body.access_token;
  }

  /** A token signed with the provider's own key but expired an hour ago. */
  async expiredToken(subject: string): Promise<string> {
    const { importJWK } = await import('jose');
    const key = await importJWK(this.signingKey, 'RS256');
    const past = Math.floor(Date.now() / 1000) - 3600;
    return new SignJWT({ roles: ['agent'] })
      .setProtectedHeader({ alg: 'RS256', kid: this.signingKey.kid })
      .setSubject(subject)
      .setIssuer(this.issuer)
      .setAudience(TestOidcProvider.audience)
      .setIssuedAt(past - 60)
      .setExpirationTime(past)
      .sign(key);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The same claims as the provider's, signed by a key it never published. */
export async function foreignToken(issuer: string, subject: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ roles: ['admin'] })
    .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
    .setSubject(subject)
    .setIssuer(issuer)
    .setAudience(TestOidcProvider.audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}

/** An unsigned token (`alg: none`) with admin claims. */
export function unsignedToken(issuer: string, subject: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: subject, iss: issuer, aud: TestOidcProvider.audience, roles: ['admin'], iat: now, exp: now + 300 })}.`;
}

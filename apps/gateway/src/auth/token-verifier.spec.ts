import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { validateEnv } from '@d115/platform';
import { GatewayEnv } from '../config/gateway.env';
import { TokenVerifier } from './token-verifier';

describe('TokenVerifier claims', () => {
  let sign: (claims: Record<string, unknown>) => Promise<string>;
  let verifier: (env?: Record<string, string>) => Promise<TokenVerifier>;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    sign = (claims) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer('https://idp')
        .setAudience('d115')
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(privateKey);
    verifier = async (env = {}) =>
      new TokenVerifier(
        { keys: createLocalJWKSet({ keys: [jwk] }), issuer: 'https://idp', audience: 'd115' },
        validateEnv(GatewayEnv, { NATS_URL: 'nats://x:4222', ...env }),
      );
  });

  it('reads Keycloak-style nested roles and a space-separated scope, ignoring unknown roles', async () => {
    const sut = await verifier({ AUTH_ROLES_CLAIM: 'realm_access.roles', AUTH_USER_CLAIM: 'preferred_username' });
    const principal = await sut.verify(
      await sign({ sub: 'f81d4fae', preferred_username: 'anna.agent', realm_access: { roles: ['agent', 'offline_access'] }, ars: '13003 13004' }),
    );
    expect(principal).toEqual({ id: 'anna.agent', roles: ['agent'], scope: ['13003', '13004'], name: undefined });
  });

  it('gives a token without a scope claim the default scope', async () => {
    const sut = await verifier({ AUTH_DEFAULT_SCOPE: '13,14' });
    expect((await sut.verify(await sign({ sub: 'otto', roles: ['supervisor'] }))).scope).toEqual(['13', '14']);
  });

  it('refuses a scope that is not ARS prefixes and a user id it cannot pass on', async () => {
    const sut = await verifier();
    await expect(sut.verify(await sign({ sub: 'otto', ars: ['Rostock'] }))).rejects.toThrow('must list ARS prefixes');
    await expect(sut.verify(await sign({ sub: 'otto otto' }))).rejects.toThrow('not a usable user id');
  });

  it('never grants the integration role from a token', async () => {
    const sut = await verifier();
    expect((await sut.verify(await sign({ sub: 'cti', roles: ['integration', 'admin'] }))).roles).toEqual(['admin']);
  });

  it('reads claims whose names hold dots: a URL-named claim (Auth0, ADFS) and a Keycloak client id with dots', async () => {
    const urlNamed = await verifier({ AUTH_ROLES_CLAIM: 'https://d115.rostock.de/roles', AUTH_SCOPE_CLAIM: 'https://d115.rostock.de/ars' });
    const fromUrls = await urlNamed.verify(
      await sign({ sub: 'anna', 'https://d115.rostock.de/roles': ['supervisor'], 'https://d115.rostock.de/ars': ['13003'] }),
    );
    expect(fromUrls).toMatchObject({ roles: ['supervisor'], scope: ['13003'] });

    const client = await verifier({ AUTH_ROLES_CLAIM: 'resource_access.d115.rostock.de.roles' });
    const fromClient = await client.verify(
      await sign({ sub: 'bert', resource_access: { account: { roles: ['manage-account'] }, 'd115.rostock.de': { roles: ['agent'] } } }),
    );
    expect(fromClient.roles).toEqual(['agent']);
  });

  it('maps the provider’s role names to ours (AUTH_ROLE_MAP), keeping ours and dropping the rest', async () => {
    const sut = await verifier({ AUTH_ROLE_MAP: '115-sachbearbeitung=agent,115-teamleitung=supervisor,D115.Admin=admin' });
    const principal = await sut.verify(
      await sign({ sub: 'carla', roles: ['115-teamleitung', 'D115.Admin', 'agent', 'offline_access', '115-sachbearbeitung'] }),
    );
    expect(principal.roles.sort()).toEqual(['admin', 'agent', 'supervisor']);
    expect(() => validateEnv(GatewayEnv, { NATS_URL: 'nats://x:4222', AUTH_ROLE_MAP: 'cti=integration' })).toThrow('AUTH_ROLE_MAP');
  });
});
